"""Read monograph files into `Monograph` models, reporting every problem with file, line and field."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from clincalc_search.drugs import GREEK, group_key
from clincalc_search.models import (
    SECTION_TITLES,
    ClassException,
    DrugClass,
    Monograph,
    Problem,
    SafetyTopic,
    Section,
    Subgroup,
)

FRONT_MATTER_KEYS = (
    "name", "other_names", "brands", "brands_abroad", "drug_class", "kicker", "specialist",
    "references", "related", "status", "reviewed",
)
REQUIRED_KEYS = ("name", "drug_class", "kicker", "specialist", "references", "status")
_TITLE_TO_KEY = {title.lower(): key for key, title in SECTION_TITLES.items()}


def _problem(path: Path, line: int, field: str, message: str) -> Problem:
    return Problem(file=path.name, line=line, field=field, message=message)


def _decode(path: Path, raw: bytes) -> tuple[str | None, list[Problem]]:
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [_problem(path, line, "encoding", f"not valid UTF-8 (byte {exc.start})")]


class _Loader(yaml.SafeLoader):
    """SafeLoader whose impossible values ("reviewed: 2024-13-45", "!!int abc") become YAML errors that carry
    a line, instead of escaping as ValueError/AttributeError from deep inside PyYAML."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except yaml.YAMLError:
            raise
        except (ValueError, TypeError, AttributeError, OverflowError) as exc:
            shown = f" {node.value!r}" if isinstance(node, yaml.ScalarNode) else ""
            why = f" ({exc})" if isinstance(exc, ValueError) else f" for {node.tag}"
            raise yaml.constructor.ConstructorError(
                None, None, f"impossible value{shown}{why}", node.start_mark) from exc


def _key_lines(front: str, offset: int) -> tuple[dict[str, int], list[tuple[str, int, int]]]:
    """Line of each top-level key, so a bad value can be pointed at precisely, and every key given twice
    as (key, line, first line): YAML itself would silently keep the last one."""
    node = yaml.compose(front, Loader=_Loader)
    lines: dict[str, int] = {}
    duplicates: list[tuple[str, int, int]] = []
    if not isinstance(node, yaml.MappingNode):
        return lines, duplicates
    for k, _ in node.value:
        if isinstance(k, yaml.ScalarNode):
            line = k.start_mark.line + offset
            if k.value in lines:
                duplicates.append((k.value, line, lines[k.value]))
            else:
                lines[k.value] = line
    return lines, duplicates


def _key_at(key_lines: dict[str, int], line: int) -> str:
    """The top-level key whose value spans `line` (the last key starting at or before it)."""
    before = [(n, k) for k, n in key_lines.items() if n <= line]
    return max(before)[1] if before else "front_matter"


def _split_front_matter(path: Path, text: str) -> tuple[str, str, int, list[Problem]]:
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return "", text, 1, [_problem(path, 1, "front_matter", "file must start with '---' YAML front matter")]
    for i, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return "\n".join(lines[1:i]), "\n".join(lines[i + 1 :]), i + 2, []
    return "", text, 1, [_problem(path, 1, "front_matter", "front matter is not closed with '---'")]


def review_body(text: str) -> str | None:
    """The part of a monograph a reviewer signs: the file text after the closing '---' line of the front
    matter, with CRLF normalised to LF. None when the front matter is missing or not closed."""
    lines = text.replace("\r\n", "\n").split("\n")
    if not lines or lines[0].strip() != "---":
        return None
    closing = next((i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---"), None)
    return None if closing is None else "\n".join(lines[closing + 1 :])


def body_sha256(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def review_hash(path: Path) -> str:
    """The sha256 a review record must carry for this file as it stands (`clincalc-search review-hash`)."""
    body = review_body(path.read_bytes().decode("utf-8"))
    if body is None:
        raise ValueError(f"{path.name}: no closed '---' front matter, so there is no body to hash")
    return body_sha256(body)


_REVIEW_SHAPE = "expected reviewed: {by: <role or name>, on: YYYY-MM-DD, sha256: <sha256 of the body>}"


def _field_error(err: Any) -> tuple[str, str]:
    """Field and message for one pydantic error on the front matter."""
    loc = err["loc"]
    field = str(loc[0]) if loc else "front_matter"
    if field != "reviewed":
        return field, err["msg"]
    if len(loc) == 1 or err["type"] == "model_type":
        return field, f"malformed review record: {_REVIEW_SHAPE}"
    return field, f"malformed review record: {'.'.join(map(str, loc[1:]))}: {err['msg']}"


def _parse_body(path: Path, body: str, first_line: int) -> tuple[list[Section], list[Problem]]:
    problems: list[Problem] = []
    # Each block: (key, title, heading line, lines of text)
    blocks: list[tuple[str, str, int, list[str]]] = [("overview", "Overview", first_line, [])]
    for n, line in enumerate(body.split("\n"), start=first_line):
        if line.startswith("## "):
            title = line[3:].strip()
            key = _TITLE_TO_KEY.get(title.lower())
            if key is None:
                problems.append(_problem(path, n, "section", f"unknown section heading '## {title}'"))
                key = f"?{title}"
            blocks.append((key, title, n, []))
        elif line.startswith("# "):
            problems.append(_problem(path, n, "section", "level-1 heading not allowed; sections use '## '"))
        else:
            blocks[-1][3].append(line)
    sections: list[Section] = []
    seen: dict[str, int] = {}
    for key, _title, line, text_lines in blocks:
        if key.startswith("?"):
            continue
        if key in seen:
            problems.append(_problem(path, line, key, f"duplicate section (first at line {seen[key]})"))
            continue
        seen[key] = line
        text = "\n".join(text_lines).strip()
        start = line if key == "overview" else line + 1
        if not text:
            problems.append(_problem(path, start, key, "section is empty"))
            continue
        if key == "overview":
            # Point at the first non-blank line of the overview rather than the front matter's end.
            start += next(i for i, t in enumerate(text_lines) if t.strip())
        sections.append(Section(key=key, title=SECTION_TITLES[key], text=text, line=start))
    for key, title in SECTION_TITLES.items():
        if key not in seen:
            problems.append(_problem(path, first_line, key, f"missing section '## {title}'"))
    order = [s.key for s in sections]
    if order != [k for k in SECTION_TITLES if k in order]:
        problems.append(_problem(path, first_line, "section", "sections are out of order"))
    return sections, problems


def parse_monograph(path: Path) -> tuple[Monograph | None, list[Problem]]:
    """Parse one file. Returns the monograph (None if unusable) and every problem found."""
    if not path.is_file():  # a folder named *.md, or a link to nothing
        return None, [_problem(path, 1, "file", "not a regular file (a folder or a broken link)")]
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [_problem(path, 1, "file", f"cannot be read ({exc.strerror or exc.__class__.__name__})")]
    text, problems = _decode(path, raw)
    if text is None:
        return None, problems
    front, body, body_line, problems = _split_front_matter(path, text.replace("\r\n", "\n"))
    if problems:
        return None, problems
    key_lines: dict[str, int] = {}
    try:
        key_lines, duplicates = _key_lines(front, offset=2)
        data = yaml.load(front, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        field = _key_at(key_lines, line) if isinstance(exc, yaml.constructor.ConstructorError) else "front_matter"
        return None, [_problem(path, line, field, f"invalid YAML: {getattr(exc, 'problem', exc)}")]
    except RecursionError:
        return None, [_problem(path, 2, "front_matter", "invalid YAML: nested too deeply")]
    problems += [_problem(path, line, key, f"duplicate key (first at line {first})")
                 for key, line, first in duplicates]
    if not isinstance(data, dict):
        return None, [_problem(path, 2, "front_matter", "front matter must be a YAML mapping")]
    for key in data:
        if key not in FRONT_MATTER_KEYS:
            problems.append(_problem(path, key_lines.get(str(key), 2), str(key), "unknown key"))
    for key in REQUIRED_KEYS:
        if key not in data:
            problems.append(_problem(path, 2, key, "required key is missing"))
    sections, section_problems = _parse_body(path, body, body_line)
    # "Empty section" points below its heading; when the heading is the file's last line, point at the heading.
    last_line = text.count("\n") + 1
    problems += [p if p.line <= last_line else p.model_copy(update={"line": last_line}) for p in section_problems]
    if problems:
        return None, problems
    fields: dict[str, Any] = {k: data.get(k) for k in FRONT_MATTER_KEYS if data.get(k) is not None}
    if isinstance(fields.get("reviewed"), dict):
        # YAML 1.1 reads the key `on` as the boolean true; the review record's `on:` means the date.
        fields["reviewed"] = {"on" if k is True else k: v for k, v in fields["reviewed"].items()}
    try:
        modified = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    except OSError:
        modified = None
    try:
        monograph = Monograph(
            **fields, sections=sections, path=path.name, sha256=hashlib.sha256(raw).hexdigest(),
            body_sha256=body_sha256(body), modified=modified,
        )
    except ValidationError as exc:
        for err in exc.errors():
            field, message = _field_error(err)
            problems.append(_problem(path, key_lines.get(field, 2), field, message))
        return None, problems
    return monograph, []


def monograph_files(monographs_dir: Path) -> list[Path]:
    return sorted(monographs_dir.glob("*.md"))


def _outside_corpus(path: Path, monographs_dir: Path) -> bool:
    """A link that leads out of the corpus folder: its content would not be part of the corpus."""
    try:
        target = path.resolve()
    except (OSError, RuntimeError):  # a symlink loop: parse_monograph reports it as not a regular file
        return False
    roots = (monographs_dir.parent.resolve(), monographs_dir.resolve())
    return not any(target.is_relative_to(root) for root in roots)


def load_corpus(monographs_dir: Path) -> tuple[list[Monograph], list[Problem]]:
    monographs: list[Monograph] = []
    problems: list[Problem] = []
    for path in monograph_files(monographs_dir):
        if _outside_corpus(path, monographs_dir):
            problems.append(_problem(path, 1, "file", (
                f"links to {path.resolve()}, outside the corpus folder; copy the file into "
                f"{monographs_dir.name}/ instead")))
            continue
        monograph, found = parse_monograph(path)
        problems += found
        if monograph is not None:
            monographs.append(monograph)
    return monographs, problems


_CLASS_KEYS = ("name", "description", "aliases", "aliases_abroad", "subgroups", "conditions", "safety_topics",
               "exceptions", "lacking")
_RENAMED = {"subgroups_abroad": "subgroups"}  # keys an older classes.yaml used
_ITEM_MODELS: dict[str, type[SafetyTopic] | type[ClassException] | type[Subgroup]] = {
    "safety_topics": SafetyTopic, "exceptions": ClassException, "subgroups": Subgroup}


_Found = list[tuple[int, str, str]]  # (line, field, message), turned into Problems by load_classes


def _class_items(key: str, value: Any, node: yaml.Node | None, line: int) -> tuple[list[Any], _Found]:
    """The valid entries of a class's safety_topics, exceptions or subgroups list, and (line, field,
    message) for the rest, each pointing at the entry (or its key) that is wrong."""
    model = _ITEM_MODELS[key]
    if not isinstance(value, list) or not isinstance(node, yaml.SequenceNode):
        return [], [(line, key, "must be a list")]
    items: list[Any] = []
    problems: _Found = []
    for item, item_node in zip(value, node.value, strict=True):
        item_line = item_node.start_mark.line + 1
        if not isinstance(item, dict) or not isinstance(item_node, yaml.MappingNode):
            problems.append((item_line, key, "each entry must be a mapping"))
            continue
        sub_lines = {k.value: k.start_mark.line + 1 for k, _ in item_node.value if isinstance(k, yaml.ScalarNode)}
        unknown = [k for k in item if k not in model.model_fields or k == "line"]
        problems += [(sub_lines.get(str(k), item_line), f"{key}.{k}", "unknown key") for k in unknown]
        try:
            items.append(model(**{k: v for k, v in item.items() if k not in unknown}, line=item_line))
        except ValidationError as exc:
            for err in exc.errors():
                sub = str(err["loc"][0]) if err["loc"] else ""
                message = "required field is missing" if err["type"] == "missing" else err["msg"]
                message = message.removeprefix("Value error, ")  # a model's own check: its message is enough
                problems.append((sub_lines.get(sub, item_line), f"{key}.{sub}" if sub else key, message))
    return items, problems


def load_classes(classes_file: Path) -> tuple[list[DrugClass], list[Problem]]:
    """Read classes.yaml; every problem names the line and field. Valid classes are returned even when
    others are broken (validation still refuses the corpus)."""
    name = classes_file.name

    def problem(line: int, field: str, message: str) -> Problem:
        return Problem(file=name, line=line, field=field, message=message)

    if not classes_file.is_file():
        return [], [problem(1, "classes", "classes file is missing")]
    try:
        raw = classes_file.read_bytes()
    except OSError as exc:
        return [], [problem(1, "classes", f"cannot be read ({exc.strerror or exc.__class__.__name__})")]
    text, problems = _decode(classes_file, raw)
    if text is None:
        return [], problems
    try:
        root = yaml.compose(text, Loader=_Loader)
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        return [], [problem(line, "classes", f"invalid YAML: {getattr(exc, 'problem', exc)}")]
    except RecursionError:
        return [], [problem(1, "classes", "invalid YAML: nested too deeply")]
    if not isinstance(data, list) or not isinstance(root, yaml.SequenceNode):
        return [], [problem(1, "classes", "must be a YAML list of classes, each with name and description")]
    classes: list[DrugClass] = []
    seen: dict[str, int] = {}
    abroad_lines: dict[str, int] = {}  # class → the line of its aliases_abroad
    for item, node in zip(data, root.value, strict=True):
        line = node.start_mark.line + 1
        if not isinstance(item, dict) or not isinstance(node, yaml.MappingNode):
            problems.append(problem(line, "classes", "each class must be a mapping with name and description"))
            continue
        key_lines = {k.value: k.start_mark.line + 1 for k, _ in node.value if isinstance(k, yaml.ScalarNode)}
        value_nodes = {k.value: v for k, v in node.value if isinstance(k, yaml.ScalarNode)}
        bad = [k for k in item if k not in _CLASS_KEYS]
        problems += [problem(key_lines.get(str(k), line), str(k),
                             f"unknown key (now '{_RENAMED[k]}')" if k in _RENAMED else "unknown key") for k in bad]
        fields = {k: v for k, v in item.items() if k in _CLASS_KEYS}
        for key in _ITEM_MODELS:
            if fields.get(key) is None:
                fields.pop(key, None)
                continue
            fields[key], found = _class_items(key, fields[key], value_nodes.get(key), key_lines.get(key, line))
            problems += [problem(n, f, m) for n, f, m in found]
        problems += [problem(n, f, m) for n, f, m in _checklist_problems(fields)]
        try:
            drug_class = DrugClass(**fields)
        except ValidationError as exc:
            for err in exc.errors():
                field = str(err["loc"][0]) if err["loc"] else "classes"
                problems.append(problem(key_lines.get(field, line), field, err["msg"]))
            continue
        abroad_line = abroad_lines[drug_class.name] = key_lines.get("aliases_abroad", line)
        problems += [problem(n, f, m) for n, f, m in _names_abroad_problems(drug_class, abroad_line)]
        folded = drug_class.name.casefold()
        if folded in seen:
            problems.append(problem(key_lines.get("name", line), "name",
                                    f"duplicate class '{drug_class.name}' (first at line {seen[folded]})"))
            continue
        seen[folded] = key_lines.get("name", line)
        classes.append(drug_class)
    problems += [problem(n, f, m) for n, f, m in _english_subgroup_problems(classes, abroad_lines)]
    return classes, problems


def _english_subgroup_problems(classes: list[DrugClass], abroad_lines: dict[str, int]) -> _Found:
    """English subgroup names that a class's name or alias, or another subgroup, already takes: matching keeps only
    the first, so the second would never be recognised ("bisphosphonates" as a class alias answered with denosumab).
    And a class's name abroad that is an English subgroup's name ("benzodiazépines"): the subgroup takes it, so it
    belongs with that subgroup's names abroad."""
    taken = {group_key(name): c.name for c in classes for name in [c.name, *c.aliases]}
    found: _Found = []
    for c in classes:
        for sub in c.subgroups:
            own = {group_key(label) for label in sub.aliases}
            for key, label in {group_key(label): label for label in reversed(sub.aliases)}.items():
                if key in taken:
                    found.append((sub.line, "subgroups.aliases", f"'{label}' already names {taken[key]}"))
            taken.update((key, f"the subgroup '{sub.aliases[0]}' of {c.name}") for key in own if key not in taken)
    for c in classes:
        for labels in c.aliases_abroad.values():
            for label in labels:
                named = taken.get(group_key(label), "")
                if named.startswith("the subgroup"):
                    found.append((abroad_lines[c.name], "aliases_abroad",
                                  f"'{label}' is the English name of {named}: list it with that subgroup's names"))
    return found


def _names_abroad_problems(drug_class: DrugClass, line: int) -> _Found:
    """Names abroad and English subgroup names with a Greek letter: questions are matched without it, so "β-Blocker"
    would name any blocker."""
    named = [(line, "aliases_abroad", label) for labels in drug_class.aliases_abroad.values() for label in labels]
    named += [(sub.line, "subgroups.names", label) for sub in drug_class.subgroups
              for labels in sub.names.values() for label in labels]
    named += [(sub.line, "subgroups.aliases", label) for sub in drug_class.subgroups for label in sub.aliases]
    return [(n, field, f"'{label}': write the Greek letter out ('beta', 'alpha'); matching drops it")
            for n, field, label in named if GREEK.search(label)]


def _checklist_problems(fields: dict[str, Any]) -> _Found:
    """Topics named twice, and exceptions for a topic the class does not have (or given twice). Whether an
    exception's drug belongs to the class depends on the monographs: content_checks reports that."""
    found: _Found = []
    topics: dict[str, int] = {}
    for t in fields.get("safety_topics", []):
        folded = t.topic.casefold()
        if folded in topics:
            first = topics[folded]
            found.append((t.line, "safety_topics.topic", f"duplicate topic '{t.topic}' (first at line {first})"))
        topics.setdefault(folded, t.line)
    seen: dict[tuple[str, str], int] = {}
    for e in fields.get("exceptions", []):
        if e.topic.casefold() not in topics:
            found.append((e.line, "exceptions.topic", f"'{e.topic}' is not a safety topic of this class"))
        pair = (e.drug.casefold(), e.topic.casefold())
        if pair in seen:
            found.append((e.line, "exceptions", f"duplicate exception (first at line {seen[pair]})"))
        seen.setdefault(pair, e.line)
    return found

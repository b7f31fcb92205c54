"""Read monograph files into `Monograph` models, reporting every problem with file, line and field."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from clincalc_search.models import SECTION_TITLES, DrugClass, Monograph, Problem, Section

FRONT_MATTER_KEYS = (
    "name", "other_names", "brands", "drug_class", "kicker", "specialist",
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


def _key_lines(front: str, offset: int) -> dict[str, int]:
    """Line of each top-level key, so a bad value can be pointed at precisely."""
    node = yaml.compose(front)
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {k.value: k.start_mark.line + offset for k, _ in node.value if isinstance(k, yaml.ScalarNode)}


def _split_front_matter(path: Path, text: str) -> tuple[str, str, int, list[Problem]]:
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return "", text, 1, [_problem(path, 1, "front_matter", "file must start with '---' YAML front matter")]
    for i, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return "\n".join(lines[1:i]), "\n".join(lines[i + 1 :]), i + 2, []
    return "", text, 1, [_problem(path, 1, "front_matter", "front matter is not closed with '---'")]


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
    raw = path.read_bytes()
    text, problems = _decode(path, raw)
    if text is None:
        return None, problems
    front, body, body_line, problems = _split_front_matter(path, text.replace("\r\n", "\n"))
    if problems:
        return None, problems
    try:
        data = yaml.safe_load(front)
        key_lines = _key_lines(front, offset=2)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        return None, [_problem(path, line, "front_matter", f"invalid YAML: {getattr(exc, 'problem', exc)}")]
    if not isinstance(data, dict):
        return None, [_problem(path, 2, "front_matter", "front matter must be a YAML mapping")]
    for key in data:
        if key not in FRONT_MATTER_KEYS:
            problems.append(_problem(path, key_lines.get(str(key), 2), str(key), "unknown key"))
    for key in REQUIRED_KEYS:
        if key not in data:
            problems.append(_problem(path, 2, key, "required key is missing"))
    sections, section_problems = _parse_body(path, body, body_line)
    problems += section_problems
    if problems:
        return None, problems
    fields: dict[str, Any] = {k: data.get(k) for k in FRONT_MATTER_KEYS if data.get(k) is not None}
    try:
        monograph = Monograph(
            **fields, sections=sections, path=path.name, sha256=hashlib.sha256(raw).hexdigest()
        )
    except ValidationError as exc:
        for err in exc.errors():
            field = str(err["loc"][0]) if err["loc"] else "front_matter"
            problems.append(_problem(path, key_lines.get(field, 2), field, err["msg"]))
        return None, problems
    return monograph, []


def monograph_files(monographs_dir: Path) -> list[Path]:
    return sorted(monographs_dir.glob("*.md"))


def load_corpus(monographs_dir: Path) -> tuple[list[Monograph], list[Problem]]:
    monographs: list[Monograph] = []
    problems: list[Problem] = []
    for path in monograph_files(monographs_dir):
        monograph, found = parse_monograph(path)
        problems += found
        if monograph is not None:
            monographs.append(monograph)
    return monographs, problems


def load_classes(classes_file: Path) -> tuple[list[DrugClass], list[Problem]]:
    name = classes_file.name
    if not classes_file.exists():
        return [], [Problem(file=name, line=1, field="classes", message="classes file is missing")]
    try:
        data = yaml.safe_load(classes_file.read_text(encoding="utf-8"))
        classes = [DrugClass(**item) for item in data]
    except (yaml.YAMLError, TypeError, ValidationError, UnicodeDecodeError) as exc:
        return [], [Problem(file=name, line=1, field="classes", message=f"unreadable: {exc}")]
    return classes, []

"""Corpus rules beyond parsing: links resolve, names are unique, classes exist, and no dose content."""

from __future__ import annotations

import contextlib
import re
import unicodedata
from pathlib import Path

from clincalc_search.content_checks import check_content
from clincalc_search.corpus import load_classes, load_corpus
from clincalc_search.drugs import normalise as recognition_key
from clincalc_search.markup import OWN_LINK, live_markup, own_links
from clincalc_search.models import SECTION_TITLES, Monograph, Problem
from clincalc_search.skeleton import skeleton

# The dose check reads the skeleton of each line (clincalc_search.skeleton), so "500 мг", "５００ ｍｇ" and
# "500<zero-width space>mg" are read as "500 mg". Amounts: a number (digits or words) before a unit, so
# "insulin units" or "mL" in prose pass; frequencies: administration words, not monitoring intervals.
_NUMBER_WORD = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
                r"|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
                r"|hundred|thousand|half|quarter)")
# Bounded repeats and a look-behind before every number keep each line's check linear: a line of 20,000
# digits or "one one one ..." must not take quadratic time.
_WORDS = rf"{_NUMBER_WORD}(?:(?:[- ]|\s+and\s+(?:a\s+)?){_NUMBER_WORD}){{0,4}}"
_DIGITS = r"\d+(?:[.,/]\d+){0,3}"
_NUMBER = rf"(?:{_DIGITS}|\b{_WORDS})"
_RANGE = rf"{_NUMBER}(?:\s*(?:-|to|or)\s*{_NUMBER})?"
_MASS = (r"mg/kg|mg/m2|milligrams?|milligrammes?|mg|micrograms?|microgrammes?|mcg|μg|ug|nanograms?|ng"
         r"|grams?|grammes?|g|kilograms?|kg|international units?|units?|iu|millilit(?:re|er)s?|ml|lit(?:re|er)s?"
         r"|millimoles?|mmol")
_FORM = (r"tablets?|tabs?|capsules?|caps|puffs?|drops?|sachets?|pills?|patch(?:es)?|sprays?|lozenges?"
         r"|pessar(?:y|ies)|suppositor(?:y|ies)|ampoules?|vials?|actuations?|inhalations?|spoonfuls?"
         r"|teaspoons?|tablespoons?|pens?|injections?")
_TIME_OF_DAY = r"(?:every|each|at|in the|before|after)\s+(?:morning|night|evening|day|bedtime|breakfast|meals?)"
_AMOUNT = re.compile(
    rf"(?<![\w.]){_RANGE}\s*(?:of\s+)?(?:an?\s+)?(?:{_MASS}|{_FORM})(?!\w)(?:\s*{_TIME_OF_DAY}\b)?"
    # "a tablet" is prose ("it is a tablet") until a time says how often
    rf"|\ban?\s+(?:{_FORM})\s+(?:{_TIME_OF_DAY}|(?:a|per)\s+(?:day|week)|daily|weekly|nightly)\b"
    rf"|(?<![\w.,/]){_DIGITS}\s*%|%"
)
_EVERY_HOURS = rf"\bevery\s+(?:{_RANGE}\s*)?(?:h|hrs?|hours?)\b"
_FREQUENCY = re.compile(
    rf"\b(?:once|twice|thrice|(?:{_NUMBER}|several|\w+)\s+times)\s*(?:-|\s)?\s*(?:a\s+|per\s+|each\s+|every\s+)?"
    r"(?:day|daily|week|weekly|night|nightly|fortnight|fortnightly)\b"
    rf"|{_EVERY_HOURS}"
    r"|\bq\.?\s?\d+(?:-\d+)?\s?h\w*"
    r"|(?<![\w.])(?:bd|b\.d\.?|bid|b\.i\.d\.?|tds|t\.d\.s\.?|tid|t\.i\.d\.?|qds|q\.d\.s\.?|qid|q\.i\.d\.?|qd"
    r"|o\.d\.|nocte|mane|o\.n\.)(?![\w.])"
)
MIN_OVERVIEW_WORDS = 15


def dose_content(text: str) -> list[str]:
    """Every dose-like phrase in a piece of corpus text, as read on its skeleton."""
    text = skeleton(text)
    return [m.group(0) for rx in (_AMOUNT, _FREQUENCY) for m in rx.finditer(text)]


def _key_line(raw_lines: list[str], key: str) -> int:
    return next((i for i, t in enumerate(raw_lines, 1) if t.startswith(f"{key}:")), 1)


def _check_monograph(m: Monograph, raw_lines: list[str], class_names: set[str]) -> list[Problem]:
    problems: list[Problem] = []

    def add(line: int, field: str, message: str) -> None:
        problems.append(Problem(file=m.path, line=line, field=field, message=message))

    def key_line(key: str) -> int:
        return _key_line(raw_lines, key)

    if class_names and m.drug_class not in class_names:
        add(key_line("drug_class"), "drug_class", f"unknown class '{m.drug_class}' (not in classes.yaml)")
    if len(m.section("overview").text.split()) < MIN_OVERVIEW_WORDS:
        add(m.section("overview").line, "overview", f"overview is under {MIN_OVERVIEW_WORDS} words")
    if m.name in m.related:
        add(key_line("related"), "related", "a monograph cannot be related to itself")
    for n, line in enumerate(raw_lines, 1):
        for ch in dict.fromkeys(c for c in line if c != "\t" and unicodedata.category(c) == "Cc"):
            # Invisible in an editor but served verbatim in every answer: NUL, escape sequences, lone CR.
            add(n, "encoding", f"control character U+{ord(ch):04X} is not allowed")
    return problems


_SECTION_KEYS = {title.lower(): key for key, title in SECTION_TITLES.items()}


def _monograph_fields(raw_lines: list[str]) -> list[str]:
    """The field each line belongs to: its front-matter key, or the section it is in."""
    fields: list[str] = []
    field, fences = "front_matter", 0
    for line in raw_lines:
        if fences < 2 and line.strip() == "---":
            fences += 1
            field = "front_matter" if fences == 1 else "overview"
        elif fences == 1 and (key := re.match(r"([A-Za-z_]\w*)\s*:", line)):
            field = key.group(1)
        elif fences == 2 and line.startswith("## "):
            field = _SECTION_KEYS.get(line[3:].strip().lower(), "section")
        fields.append(field)
    return fields


def _yaml_fields(raw_lines: list[str]) -> list[str]:
    """The key each line of classes.yaml belongs to (a folded description runs on over several lines)."""
    fields: list[str] = []
    field = "classes"
    for line in raw_lines:
        if key := re.match(r"\s*(?:-\s+)?([A-Za-z_]\w*)\s*:", line):
            field = key.group(1)
        fields.append(field)
    return fields


def _check_text(file: str, raw_lines: list[str], fields: list[str], drug_keys: set[str],
                class_names: set[str]) -> list[Problem]:
    """Rules for every line of text a reader is shown: no dose content, and plain Markdown only, whose
    links go to this product's own pages for a drug or class that exists."""
    problems: list[Problem] = []
    classes = {c.casefold() for c in class_names}
    for n, (line, field) in enumerate(zip(raw_lines, fields, strict=True), 1):
        # A link's target is a drug or class that must exist, not prose: "?drug=inotuzumab%20ozogamicin" is no %.
        problems += [Problem(file=file, line=n, field="dose", message=f"dose content is not allowed: '{phrase}'")
                     for phrase in dose_content(OWN_LINK.sub(" ", line))]
        problems += [Problem(file=file, line=n, field=field, message=message) for message in live_markup(line)]
        for kind, target in own_links(line):
            if (recognition_key(target) not in drug_keys) if kind == "drug" else (target.casefold() not in classes):
                problems.append(Problem(file=file, line=n, field=field,
                                        message=f"link to ?{kind}={target}: no such {kind} in the corpus"))
    return problems


def _declared_names(monographs_dir: Path, parsed: list[Monograph]) -> set[str]:
    """Drug names declared by files that failed to parse too, so one broken file is reported once and not
    again as a dangling related link in every monograph that links to it."""
    names = {m.name for m in parsed}
    done = {m.path for m in parsed}
    for path in sorted(monographs_dir.glob("*.md")):
        if path.name in done or not path.is_file():
            continue
        try:
            head = path.read_bytes()[:4096].decode("utf-8", errors="replace")
        except OSError:  # reported by parse_monograph; it most likely declares the drug it is named after
            names.add(path.stem.replace("-", " "))
            continue
        match = re.search(r"^name:\s*(.+?)\s*$", head, re.M)
        if match:
            names.add(match.group(1).strip("'\""))
    return names


def _check_across(monographs: list[Monograph], lines: dict[str, list[str]], names: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    # Every name, brand and other name → (first monograph using it, as written there). Keyed as recognition
    # reads a question, so "warfarin." or "Wаrfarin" (Cyrillic а) is the same name as "warfarin".
    owner: dict[str, tuple[Monograph, str]] = {}
    for m in monographs:
        for label, field in [(m.name, "name")] + [(b, "brands") for b in m.brands] + [
            (o, "other_names") for o in m.other_names
        ] + [(b, "brands_abroad") for b in m.names_abroad]:
            key = recognition_key(label)
            if not key:
                problems.append(Problem(file=m.path, line=_key_line(lines[m.path], field), field=field,
                                        message=f"'{label}' has no letters or digits, so no question can name it"))
                continue
            first, written = owner.setdefault(key, (m, label))
            if first.path == m.path:
                continue
            same = "" if written.casefold() == label.casefold() else f" (read as '{written}')"
            if recognition_key(first.name) == recognition_key(m.name):
                # two files for one drug: one of them would silently shadow the other
                message = f"'{label}'{same} is already used by the monograph for {first.name} in {first.path}"
            else:
                message = f"'{label}'{same} is already used by the monograph for {first.name}"
            problems.append(Problem(file=m.path, line=_key_line(lines[m.path], field), field=field, message=message))
        for target in m.related:
            if target not in names:
                problems.append(Problem(
                    file=m.path, line=_key_line(lines[m.path], "related"), field="related",
                    message=f"related drug '{target}' has no monograph in the corpus",
                ))
    return problems


def _read_lines(path: Path) -> list[str]:
    # Lines as the parser counts them: split on "\n" only. str.splitlines() also breaks at form feeds,
    # U+0085 and U+2028, which would make every later line number wrong.
    return path.read_bytes().decode("utf-8", errors="replace").replace("\r\n", "\n").split("\n")


def validate_corpus(corpus_dir: Path) -> tuple[list[Monograph], list[Problem]]:
    """Everything wrong with the corpus, in file order. An empty problem list means it may be indexed."""
    monographs_dir = corpus_dir / "monographs"
    if not monographs_dir.is_dir():
        return [], [Problem(file=str(monographs_dir), line=1, field="corpus", message="folder not found")]
    monographs, problems = load_corpus(monographs_dir)
    classes, class_problems = load_classes(corpus_dir / "classes.yaml")
    problems += class_problems
    class_names = {c.name for c in classes if not c.lacking}  # a class the corpus lacks holds no monograph
    lines = {m.path: _read_lines(monographs_dir / m.path) for m in monographs}
    names = _declared_names(monographs_dir, monographs)
    drug_keys = {recognition_key(label) for m in monographs for label in m.all_names}
    drug_keys |= {recognition_key(name) for name in names}
    for m in monographs:
        problems += _check_monograph(m, lines[m.path], class_names)
        problems += _check_text(m.path, lines[m.path], _monograph_fields(lines[m.path]), drug_keys, class_names)
    if (corpus_dir / "classes.yaml").is_file():  # its descriptions are shown on the class pages
        with contextlib.suppress(OSError):  # an unreadable file is already reported by load_classes
            raw = _read_lines(corpus_dir / "classes.yaml")
            problems += _check_text("classes.yaml", raw, _yaml_fields(raw), drug_keys, class_names)
    problems += _check_across(monographs, lines, names)
    problems += check_content(monographs, lines, classes, names)  # checklists, citations, review records
    if not monographs and not problems:
        problems.append(Problem(file=str(monographs_dir), line=1, field="corpus", message="no monographs"))
    return monographs, sorted(problems, key=lambda p: (p.file, p.line))

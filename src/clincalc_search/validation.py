"""Corpus rules beyond parsing: links resolve, names are unique, classes exist, and no dose content."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from clincalc_search.content_checks import check_content
from clincalc_search.corpus import load_classes, load_corpus
from clincalc_search.models import Monograph, Problem

# Amounts with units. A number must precede the unit so "insulin units" or "mL" in prose pass.
_AMOUNT = re.compile(
    r"\b\d+(?:[.,]\d+)?\s*(?:-|–|to)?\s*(?:\d+(?:[.,]\d+)?\s*)?"
    r"(?:mg/kg|mg/m2|mg/m²|mg|g|mcg|µg|micrograms?|nanograms?|units?|iu|ml|mmol|kg)\b"
    r"|\d\s*%|%",
    re.IGNORECASE,
)
# Administration frequencies. Monitoring intervals ("check LFTs every two weeks") are allowed, so only
# hour-based intervals and dosing words are caught.
_FREQUENCY = re.compile(
    r"\b(?:once|twice|three times|four times|\w+ times)\s+(?:a\s+|per\s+|each\s+)?(?:day|daily)\b"
    r"|\b(?:once|twice)[- ](?:daily|weekly|nightly)\b"
    r"|\bevery\s+(?:\d+|one|two|three|four|six|eight|twelve|twenty-four)\s+hours?\b"
    r"|\b(?:bd|b\.d\.|bid|tds|t\.d\.s\.|tid|qds|qid|q\d+h|nocte|mane)\b",
    re.IGNORECASE,
)
MIN_OVERVIEW_WORDS = 15


def dose_content(text: str) -> list[str]:
    """Every dose-like phrase in a piece of corpus text."""
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
        for phrase in dose_content(line):
            add(n, "dose", f"dose content is not allowed: '{phrase}'")
        for ch in dict.fromkeys(c for c in line if c != "\t" and unicodedata.category(c) == "Cc"):
            # Invisible in an editor but served verbatim in every answer: NUL, escape sequences, lone CR.
            add(n, "encoding", f"control character U+{ord(ch):04X} is not allowed")
    return problems


def _declared_names(monographs_dir: Path, parsed: list[Monograph]) -> set[str]:
    """Drug names declared by files that failed to parse too, so one broken file is reported once and not
    again as a dangling related link in every monograph that links to it."""
    names = {m.name for m in parsed}
    done = {m.path for m in parsed}
    for path in sorted(monographs_dir.glob("*.md")):
        if path.name in done or not path.is_file():
            continue
        head = path.read_bytes()[:4096].decode("utf-8", errors="replace")
        match = re.search(r"^name:\s*(.+?)\s*$", head, re.M)
        if match:
            names.add(match.group(1).strip("'\""))
    return names


def _check_across(monographs: list[Monograph], lines: dict[str, list[str]], names: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    owner: dict[str, Monograph] = {}  # every name, brand and other name (casefolded) → first monograph using it
    for m in monographs:
        for label, field in [(m.name, "name")] + [(b, "brands") for b in m.brands] + [
            (o, "other_names") for o in m.other_names
        ]:
            key = label.casefold()
            first = owner.setdefault(key, m)
            if first.path == m.path:
                continue
            if first.name == m.name:  # two files for one drug: one of them would silently shadow the other
                message = f"'{label}' is already used by the monograph for {first.name} in {first.path}"
            else:
                message = f"'{label}' is already used by the monograph for {first.name}"
            problems.append(Problem(file=m.path, line=_key_line(lines[m.path], field), field=field, message=message))
        for target in m.related:
            if target not in names:
                problems.append(Problem(
                    file=m.path, line=_key_line(lines[m.path], "related"), field="related",
                    message=f"related drug '{target}' has no monograph in the corpus",
                ))
    return problems


def validate_corpus(corpus_dir: Path) -> tuple[list[Monograph], list[Problem]]:
    """Everything wrong with the corpus, in file order. An empty problem list means it may be indexed."""
    monographs_dir = corpus_dir / "monographs"
    if not monographs_dir.is_dir():
        return [], [Problem(file=str(monographs_dir), line=1, field="corpus", message="folder not found")]
    monographs, problems = load_corpus(monographs_dir)
    classes, class_problems = load_classes(corpus_dir / "classes.yaml")
    problems += class_problems
    class_names = {c.name for c in classes}
    # Lines as the parser counts them: split on "\n" only. str.splitlines() also breaks at form feeds,
    # U+0085 and U+2028, which would make every later line number wrong.
    lines = {m.path: (monographs_dir / m.path).read_bytes().decode("utf-8", errors="replace")
             .replace("\r\n", "\n").split("\n") for m in monographs}
    for m in monographs:
        problems += _check_monograph(m, lines[m.path], class_names)
    declared = _declared_names(monographs_dir, monographs)
    problems += _check_across(monographs, lines, declared)
    problems += check_content(monographs, lines, classes, declared)  # checklists, citations, review records
    if not monographs and not problems:
        problems.append(Problem(file=str(monographs_dir), line=1, field="corpus", message="no monographs"))
    return monographs, sorted(problems, key=lambda p: (p.file, p.line))

"""Editorial rules on monograph content: class safety checklists, contraindications first, citations that
resolve, and review records that agree with `status`."""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from clincalc_search.drugs import kicker_holds
from clincalc_search.models import DrugClass, Monograph, Problem

CLASSES_FILE = "classes.yaml"
# NICE guidance numbers (technology appraisals, guidelines, quality standards...): TA541, NG196, CG185.
NICE_CODE = re.compile(r"\b(?:TA|NG|CG|QS|DG|HST|IPG|MTG|PH)\d+\b")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_CONTRAINDICATIONS_FIRST = re.compile(r"[-*]\s+\*\*Contraindications\b")


def check_content(monographs: list[Monograph], lines: dict[str, list[str]], classes: list[DrugClass],
                  declared: set[str]) -> list[Problem]:
    """Every editorial problem in the corpus. `lines` holds each file's lines as the parser counts them;
    `declared` every drug name a file declares, parsed or not (a broken file is reported once, elsewhere)."""
    problems: list[Problem] = []
    for m in monographs:
        raw = lines[m.path]
        problems += review_problems(m, raw)
        problems += contraindication_problems(m, raw)
        problems += citation_problems(m, raw)
    problems += checklist_problems(monographs, classes, declared)
    return problems


def _key_line(raw_lines: list[str], key: str) -> int:
    return next((i for i, t in enumerate(raw_lines, 1) if t.startswith(f"{key}:")), 1)


def review_problems(m: Monograph, raw_lines: list[str]) -> list[Problem]:
    """A review record and `status` must tell the same story. A record whose hash no longer matches is not a
    problem: the text may be corrected after review, and the page then says "changed since review"."""
    def problem(key: str, message: str) -> Problem:
        return Problem(file=m.path, line=_key_line(raw_lines, key), field=key, message=message)

    if m.status == "clinician-reviewed" and m.reviewed is None:
        return [problem("status", "clinician-reviewed needs a review record: "
                                  "reviewed: {by: <role or name>, on: YYYY-MM-DD, sha256: <sha256 of the body>}")]
    if m.status == "draft" and m.reviewed is not None:
        return [problem("reviewed", "a review record with status: draft is ignored (the page shows draft); "
                                    "set status: clinician-reviewed or remove the record")]
    if m.reviewed is not None and m.reviewed.on > date.today():
        return [problem("reviewed", f"review date {m.reviewed.on.isoformat()} is in the future")]
    return []


def heading_line(m: Monograph, key: str) -> int:
    """Section.line is the line below a heading (the overview has none: its first line)."""
    section = m.section(key)
    return section.line if key == "overview" else section.line - 1


def _section_lines(m: Monograph, key: str, raw_lines: list[str]) -> range:
    """1-based line numbers of a section's text: below its heading, up to the next heading."""
    start = m.section(key).line
    following = [heading_line(m, s.key) for s in m.sections if s.line > start]
    return range(start, min(following) if following else len(raw_lines) + 1)


def contraindication_problems(m: Monograph, raw_lines: list[str]) -> list[Problem]:
    """Prescribing opens with the contraindications, so the first thing a prescriber reads is who must not
    have the drug."""
    first = next(n for n in _section_lines(m, "prescribing", raw_lines) if raw_lines[n - 1].strip())
    if _CONTRAINDICATIONS_FIRST.match(raw_lines[first - 1].lstrip()):
        return []
    return [Problem(file=m.path, line=first, field="prescribing", blocks_build=False,
                    message="Prescribing in practice must open with a bullet starting '**Contraindications**'")]


def _in_references(code: str, references: list[str]) -> bool:
    return any(re.search(rf"\b{code}\b", ref) for ref in references)


def citation_problems(m: Monograph, raw_lines: list[str]) -> list[Problem]:
    """Every NICE number in the body, and every bold trial or guideline name in Evidence & guidelines, must
    be found among the monograph's references."""
    problems: list[Problem] = []

    def missing(line: int, name: str, what: str) -> None:
        problems.append(Problem(file=m.path, line=line, field="references", blocks_build=False,
                                message=f"{what} '{name}' is named in the text but not in references"))

    body_start = m.sections[0].line
    for n in range(body_start, len(raw_lines) + 1):
        for code in dict.fromkeys(NICE_CODE.findall(raw_lines[n - 1])):
            if not _in_references(code, m.references):
                missing(n, code, "NICE guidance")
    folded_refs = [ref.casefold() for ref in m.references]
    for n in _section_lines(m, "evidence", raw_lines):
        for span in _BOLD.findall(raw_lines[n - 1]):
            name = span.strip().rstrip(".,;:!?").strip()
            if not name or NICE_CODE.search(name):
                continue  # NICE numbers were checked one by one above
            if not any(name.casefold() in ref for ref in folded_refs):
                missing(n, name, "trial or guideline")
    return problems


@cache
def _term_pattern(term: str) -> re.Pattern[str]:
    """Whole-word prefix: 'epidural' covers 'epidurals', not 'extraepidural'; spaces match any whitespace."""
    words = r"\s+".join(re.escape(w) for w in term.split())
    return re.compile(rf"(?<!\w){words}", re.IGNORECASE)


def covers(text: str, terms: list[str]) -> bool:
    return any(_term_pattern(t).search(text) for t in terms)


def checklist_problems(monographs: list[Monograph], classes: list[DrugClass], declared: set[str]) -> list[Problem]:
    """Each member of a class covers each of its safety topics in the named section, unless an exception
    with a reason says why not; each exception names a member, and each subgroup's kicker phrase at least one."""
    problems: list[Problem] = []
    by_name = {m.name.casefold(): m for m in monographs}
    unparsed = {n.casefold() for n in declared} - set(by_name)
    for c in classes:
        excused = {(e.drug.casefold(), e.topic.casefold()) for e in c.exceptions}
        members = [m for m in monographs if m.drug_class == c.name]
        for m in members:
            for t in c.safety_topics:
                if (m.name.casefold(), t.topic.casefold()) in excused:
                    continue
                if not covers(m.section(t.section).text, t.terms):
                    problems.append(Problem(
                        file=m.path, line=heading_line(m, t.section), field=t.section, blocks_build=False,
                        message=f"missing class safety topic '{t.topic}' ({c.name})"))
        # A kicker phrase that holds no member would silently recognise nothing; a file that did not parse may hold
        # its member (and is reported already).
        for sub in c.subgroups if not unparsed else []:
            for phrase in sub.english:
                holding = [m.name for m in members if kicker_holds(m.kicker, phrase)]
                if sub.lacking and holding:
                    problems.append(Problem(file=CLASSES_FILE, line=sub.line, field="subgroups.lacking",
                                            blocks_build=False,
                                            message=f"'{phrase}' is said to be lacking, yet {holding[0]} is one"))
                elif not sub.lacking and not holding:
                    problems.append(Problem(file=CLASSES_FILE, line=sub.line, field="subgroups.english",
                                            blocks_build=False,
                                            message=f"'{phrase}' is in the kicker of no member of {c.name}"))
        for e in c.exceptions:
            member = by_name.get(e.drug.casefold())
            if member is not None and member.drug_class == c.name or e.drug.casefold() in unparsed:
                continue
            where = f"its monograph is in '{member.drug_class}'" if member else "no monograph has that name"
            problems.append(Problem(file=CLASSES_FILE, line=e.line, field="exceptions.drug", blocks_build=False,
                                    message=f"'{e.drug}' is not a member of {c.name}: {where}"))
    return problems

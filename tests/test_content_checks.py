"""Editorial checks on fixture copies: class safety checklists, contraindications first, citations."""

from __future__ import annotations

from pathlib import Path

import pytest

from clincalc_search.cli import main
from clincalc_search.content_checks import covers
from clincalc_search.corpus import load_classes
from clincalc_search.embedding import FakeEncoder
from clincalc_search.index_store import build_index
from clincalc_search.settings import load_settings
from clincalc_search.validation import validate_corpus

from .conftest import FIXTURE_CORPUS

NO_BLEEDING = "- **Contraindications**: pregnancy. Many interactions through CYP2C9 and diet."


def _edit(path: Path, old: str, new: str) -> Path:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))
    return path


def _mono(corpus: Path, name: str) -> Path:
    return corpus / "monographs" / name


def _problems(corpus: Path) -> list[str]:
    return [str(p) for p in validate_corpus(corpus)[1]]


def _line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().split("\n"), 1) if text in line)


def test_fixture_classes_carry_checklists_and_exceptions() -> None:
    classes, problems = load_classes(FIXTURE_CORPUS / "classes.yaml")
    assert problems == []
    anticoagulants = next(c for c in classes if c.name == "Anticoagulants")
    assert [(t.topic, t.section, t.terms, t.line) for t in anticoagulants.safety_topics] == [
        ("bleeding", "prescribing", ["bleeding", "haemorrhage"], 11),
        ("spinal or epidural haematoma", "prescribing", ["spinal", "epidural"], 14)]
    [exception] = anticoagulants.exceptions
    assert (exception.drug, exception.topic, exception.line) == ("warfarin", "spinal or epidural haematoma", 18)
    assert exception.reason.startswith("not used with neuraxial anaesthesia")


# -- class safety checklists ------------------------------------------------------------------------

def test_member_missing_a_topic_is_reported_at_the_section_heading(corpus_copy: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = _mono(corpus_copy, "warfarin.md")
    _edit(path, "- **Contraindications**: active bleeding and pregnancy. Bleeding is the main risk; many "
                "interactions through CYP2C9 and diet.", NO_BLEEDING)
    expected = f"warfarin.md:{_line_of(path, '## Prescribing in practice')}: prescribing: missing class safety " \
               "topic 'bleeding' (Anticoagulants)"
    assert _problems(corpus_copy) == [expected]
    assert main(["validate"]) == 1 and expected in capsys.readouterr().out


def test_topics_in_other_sections_and_classes(corpus_copy: Path) -> None:
    _edit(_mono(corpus_copy, "inotuzumab-ozogamicin.md"), "- Liver function tests", "- Blood tests")
    lithium = _edit(_mono(corpus_copy, "lithium.md"), "Signs of lithium toxicity", "Signs of lithium excess")
    assert _problems(corpus_copy) == [
        "inotuzumab-ozogamicin.md:24: monitoring: missing class safety topic 'liver toxicity' "
        "(Antibody-drug conjugates)",
        f"lithium.md:{_line_of(lithium, '## Counselling')}: counselling: missing class safety topic 'signs of "
        "toxicity' (Mood stabilisers)"]


def test_a_written_exception_excuses_one_drug_from_one_topic(corpus_copy: Path) -> None:
    classes = corpus_copy / "classes.yaml"
    _edit(classes, "  exceptions:\n    - drug: warfarin\n      topic: spinal or epidural haematoma\n"
                   "      reason: not used with neuraxial anaesthesia in the same way; bridged with heparin\n", "")
    assert _problems(corpus_copy) == [
        "warfarin.md:19: prescribing: missing class safety topic 'spinal or epidural haematoma' (Anticoagulants)"]


@pytest.mark.parametrize(("text", "terms", "covered"), [
    ("Spinal haematoma can follow neuraxial anaesthesia.", ["spinal"], True),
    ("Epidurals need planning.", ["epidural"], True),  # a prefix of a word counts
    ("An extraepidural route.", ["epidural"], False),  # the middle of a word does not
    ("Avoid live\n  vaccines.", ["live vaccine"], True),  # any whitespace between the words of a term
    ("HEPATOTOXICITY", ["hepat"], True),
    ("No mention here.", ["bleeding", "haemorrhage"], False),
    ("Risk of haemorrhage.", ["bleeding", "haemorrhage"], True),
    ("C++ interactions", ["c++"], True),  # terms are literal text, not patterns
])
def test_terms_are_case_insensitive_whole_word_prefixes(text: str, terms: list[str], covered: bool) -> None:
    assert covers(text, terms) is covered


def _classes_problems(corpus: Path, old: str, new: str) -> tuple[list[str], Path]:
    path = _edit(corpus / "classes.yaml", old, new)
    return _problems(corpus), path


@pytest.mark.parametrize(("old", "new", "marker", "field_message"), [
    ("      terms: [spinal, epidural]\n", "      terms: [spinal, epidural]\n      severity: high\n", "severity",
     "safety_topics.severity: unknown key"),
    ("      terms: [liver, hepat]\n", "", "- topic: liver toxicity", "safety_topics.terms: required field is missing"),
    ("      terms: [liver, hepat]\n", "      terms: []\n", "terms: []",
     "safety_topics.terms: List should have at least 1"),
    ("      section: monitoring\n", "      section: dosing\n", "section: dosing",
     "safety_topics.section: Input should be 'overview', 'how_it_works', 'prescribing'"),
    ("    - topic: signs of toxicity\n", "    - topic: ' '\n", "topic: ' '",
     "safety_topics.topic: String should have at least 1 character"),
    ("  safety_topics:\n    - topic: signs", "  safety_topics: toxicity\n  old_topics:\n    - topic: signs",
     "safety_topics: toxicity", "safety_topics: must be a list"),
    ("      reason: not used with neuraxial anaesthesia in the same way; bridged with heparin\n", "",
     "- drug: warfarin", "exceptions.reason: required field is missing"),
    ("      reason: not used with neuraxial", "      reason: '  '\n      old: not used with neuraxial", "reason: '  '",
     "exceptions.reason: String should have at least 1 character"),
    # Cross-checks between entries point at the entry.
    ("      topic: spinal or epidural haematoma\n      reason", "      topic: reversal\n      reason",
     "- drug: warfarin", "exceptions.topic: 'reversal' is not a safety topic of this class"),
    ("    - topic: spinal or epidural haematoma\n", "    - topic: Bleeding\n", "topic: Bleeding",
     "safety_topics.topic: duplicate topic 'Bleeding' (first at line 11)"),
    ("    - drug: warfarin\n", "    - drug: lithium\n", "drug: lithium",
     "exceptions.drug: 'lithium' is not a member of Anticoagulants: its monograph is in 'Mood stabilisers'"),
    ("    - drug: warfarin\n", "    - drug: heparin\n", "drug: heparin",
     "exceptions.drug: 'heparin' is not a member of Anticoagulants: no monograph has that name"),
])
def test_broken_checklist_names_classes_file_line_and_field(corpus_copy: Path, old: str, new: str, marker: str,
                                                            field_message: str) -> None:
    found, path = _classes_problems(corpus_copy, old, new)
    expected = f"classes.yaml:{_line_of(path, marker)}: {field_message}"
    assert any(p.startswith(expected) for p in found), found


def test_an_exception_for_a_drug_whose_file_is_broken_is_not_reported_twice(corpus_copy: Path) -> None:
    _edit(_mono(corpus_copy, "warfarin.md"), "specialist: false\n", "specialist: false\ndosage: none\n")
    assert _problems(corpus_copy) == ["warfarin.md:8: dosage: unknown key"]


# -- contraindications first ----------------------------------------------------------------------

def test_prescribing_must_open_with_contraindications(corpus_copy: Path) -> None:
    path = _mono(corpus_copy, "warfarin.md")
    _edit(path, "- **Contraindications**: active bleeding and pregnancy. ", "- ")
    line = _line_of(path, "## Prescribing in practice") + 1
    assert _problems(corpus_copy) == [
        f"warfarin.md:{line}: prescribing: Prescribing in practice must open with a bullet starting "
        "'**Contraindications**'"]


@pytest.mark.parametrize("opening", [
    "\n- **Contraindications:** active bleeding.",  # a blank line below the heading, colon inside the bold
    "- **Contraindications** active bleeding.",
    "* **Contraindications**: active bleeding.",
])
def test_contraindication_bullet_variants_are_accepted(corpus_copy: Path, opening: str) -> None:
    _edit(_mono(corpus_copy, "warfarin.md"), "- **Contraindications**: active bleeding and pregnancy.", opening)
    assert _problems(corpus_copy) == []


@pytest.mark.parametrize("opening", [
    "- Contraindications: active bleeding and pregnancy.",  # not bold
    "- **Cautions**: active bleeding and pregnancy.",
    "**Contraindications**: active bleeding and pregnancy.",  # not a bullet
])
def test_other_openings_are_rejected(corpus_copy: Path, opening: str) -> None:
    _edit(_mono(corpus_copy, "warfarin.md"), "- **Contraindications**: active bleeding and pregnancy.", opening)
    assert any("warfarin.md:20: prescribing: Prescribing in practice must open" in p for p in _problems(corpus_copy))


# -- citations ------------------------------------------------------------------------------------

def test_nice_code_anywhere_in_the_body_must_be_in_references(corpus_copy: Path) -> None:
    path = _mono(corpus_copy, "warfarin.md")
    _edit(path, "- INR is checked frequently", "- NICE NG196 and CG180 ask that INR is checked frequently")
    line = _line_of(path, "NG196")
    assert _problems(corpus_copy) == [
        f"warfarin.md:{line}: references: NICE guidance 'NG196' is named in the text but not in references",
        f"warfarin.md:{line}: references: NICE guidance 'CG180' is named in the text but not in references"]
    _edit(path, "  - Warfarin SmPC (eMC)\n", "  - Warfarin SmPC (eMC)\n  - NICE NG196\n  - NICE CG180\n")
    assert _problems(corpus_copy) == []


def test_a_nice_code_must_match_whole(corpus_copy: Path) -> None:
    path = _mono(corpus_copy, "inotuzumab-ozogamicin.md")
    _edit(path, "- Liver function tests", "- As in TA5410, liver function tests")
    assert _problems(corpus_copy) == [
        "inotuzumab-ozogamicin.md:25: references: NICE guidance 'TA5410' is named in the text but not in references"]


def test_bold_name_in_evidence_must_match_a_reference(corpus_copy: Path) -> None:
    path = _mono(corpus_copy, "inotuzumab-ozogamicin.md")
    _edit(path, "- **NICE TA541** recommends it.",
          "- **NICE TA541** recommends it; **SANAD II**, and **INO-VATE ALL.**")
    assert _problems(corpus_copy) == [
        "inotuzumab-ozogamicin.md:34: references: trial or guideline 'SANAD II' is named in the text but not in "
        "references"]


@pytest.mark.parametrize("bold", ["**ino-vate all**", "**INO-VATE ALL:**", "**TA541**", "**NICE TA541 (2018)**"])
def test_bold_names_that_resolve(corpus_copy: Path, bold: str) -> None:
    _edit(_mono(corpus_copy, "inotuzumab-ozogamicin.md"), "- **INO-VATE ALL** trial", f"- {bold} trial")
    assert _problems(corpus_copy) == []


def test_bold_outside_evidence_is_not_a_citation(corpus_copy: Path) -> None:
    _edit(_mono(corpus_copy, "warfarin.md"), "- INR is checked", "- **Always** INR is checked")
    assert _problems(corpus_copy) == []


# -- editorial problems fail validate but not the build --------------------------------------------

def test_editorial_gaps_fail_validate_but_do_not_stop_a_build(corpus_copy: Path) -> None:
    _edit(_mono(corpus_copy, "warfarin.md"), "- NICE guidance on atrial", "- **ARISTOTLE** and NICE guidance on atrial")
    _, problems = validate_corpus(corpus_copy)
    assert [p.field for p in problems] == ["references"] and not problems[0].blocks_build
    assert main(["validate"]) == 1
    s = load_settings()
    assert build_index(s.corpus_dir, s.index_dir, FakeEncoder(), progress=False).chunk_count == 24


@pytest.mark.parametrize(("old", "new", "at", "problem"), [
    # a kicker phrase that holds no member would silently recognise nothing
    ("english: vitamin K antagonist", "english: factor Xa inhibitor", "- english: factor Xa inhibitor",
     "subgroups.english: 'factor Xa inhibitor' is in the kicker of no member of Anticoagulants"),
    # ... one per way the kickers say it ("atypical" or "second-generation" antipsychotics): each must hold a member
    ("english: vitamin K antagonist", "english: [vitamin K antagonist, coumarin]", "- english: [vitamin K",
     "subgroups.english: 'coumarin' is in the kicker of no member of Anticoagulants"),
    # matching keeps the first: as a class alias "bisphosphonates" had answered with denosumab too
    ("aliases: [vitamin K antagonists, VKAs]", "aliases: [Blood Thinners, VKAs]", "- english: vitamin K antagonist",
     "subgroups.aliases: 'Blood Thinners' already names Anticoagulants"),
    # the subgroup takes it ("benzodiazépines" answered without zopiclone): it belongs with that subgroup's names
    ("es: [anticoagulantes]", "es: [anticoagulantes, VKA]", "aliases_abroad:",
     "aliases_abroad: 'VKA' is the English name of the subgroup 'vitamin K antagonists' of Anticoagulants: list it "
     "with that subgroup's names"),
    ("      aliases: [vitamin K antagonists, VKAs]\n      names: {fr: [AVK, antivitamines K]}\n", "",
     "- english: vitamin K antagonist",
     "subgroups: a subgroup needs English aliases or names abroad: nothing would name it"),
    ("  subgroups:", "  subgroups_abroad:", "subgroups_abroad:", "subgroups_abroad: unknown key (now 'subgroups')"),
    # a subgroup said to be lacking must have no member: warfarin is a vitamin K antagonist
    ("    - english: vitamin K antagonist\n", "    - english: vitamin K antagonist\n      lacking: true\n",
     "- english: vitamin K antagonist",
     "subgroups.lacking: 'vitamin K antagonist' is said to be lacking, yet warfarin is one"),
    # questions are matched with the letter dropped: "β-Blocker" would name any blocker
    ("de: [Gerinnungshemmer]", "de: [Gerinnungshemmer, β-Hemmer]", "aliases_abroad:",
     "aliases_abroad: 'β-Hemmer': write the Greek letter out ('beta', 'alpha'); matching drops it"),
])
def test_a_broken_class_name_or_subgroup_is_reported(corpus_copy: Path, old: str, new: str, at: str,
                                                     problem: str) -> None:
    classes = _edit(corpus_copy / "classes.yaml", old, new)
    assert _problems(corpus_copy) == [f"classes.yaml:{_line_of(classes, at)}: {problem}"]


def test_a_subgroup_naming_itself_twice_is_no_problem(corpus_copy: Path) -> None:
    _edit(corpus_copy / "classes.yaml", "aliases: [vitamin K antagonists, VKAs]",
          "aliases: [vitamin K antagonists, VKAs, vitamin K antagonist]")
    assert _problems(corpus_copy) == []


def test_a_class_the_corpus_lacks_holds_no_monograph(corpus_copy: Path) -> None:
    # a class marked lacking only names what to abstain on: a monograph in it is in no class of the product
    _edit(corpus_copy / "classes.yaml", "- name: Anticoagulants\n", "- name: Anticoagulants\n  lacking: true\n")
    assert any("unknown class 'Anticoagulants'" in p for p in _problems(corpus_copy))

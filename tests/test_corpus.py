from __future__ import annotations

from pathlib import Path

import pytest

from clincalc_search.corpus import parse_monograph
from clincalc_search.validation import dose_content, validate_corpus

from .conftest import FIXTURE_CORPUS


def test_fixture_corpus_is_valid() -> None:
    monographs, problems = validate_corpus(FIXTURE_CORPUS)
    assert problems == []
    assert {m.name for m in monographs} == {"inotuzumab ozogamicin", "warfarin", "lithium", "alendronic acid"}


def test_sections_parse_in_page_order() -> None:
    m, problems = parse_monograph(FIXTURE_CORPUS / "monographs" / "warfarin.md")
    assert not problems and m is not None
    assert [s.key for s in m.sections] == [
        "overview", "how_it_works", "prescribing", "monitoring", "counselling", "evidence"]
    assert m.section("monitoring").text.startswith("- INR is checked")
    assert m.brands == ["Coumadin", "Jantoven"]
    assert m.status_text == "draft"


def _edit(corpus: Path, name: str, old: str, new: str) -> Path:
    path = corpus / "monographs" / name
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    return path


def _problems(corpus: Path) -> list[str]:
    return [str(p) for p in validate_corpus(corpus)[1]]


def test_missing_section_names_file_and_field(corpus_copy: Path) -> None:
    _edit(corpus_copy, "warfarin.md", "## Monitoring\n", "## \n")
    found = _problems(corpus_copy)
    assert any(p.startswith("warfarin.md:") and "monitoring: missing section" in p for p in found)


def test_unknown_key_points_at_its_line(corpus_copy: Path) -> None:
    _edit(corpus_copy, "lithium.md", "specialist: false\n", "specialist: false\ndosage: none\n")
    assert "lithium.md:8: dosage: unknown key" in _problems(corpus_copy)


def test_bad_yaml_gives_line(corpus_copy: Path) -> None:
    _edit(corpus_copy, "lithium.md", "brands: [Priadel]", "brands: [Priadel")
    found = _problems(corpus_copy)
    assert any(p.startswith("lithium.md:") and "front_matter: invalid YAML" in p for p in found)


def test_duplicate_name_and_brand(corpus_copy: Path) -> None:
    _edit(corpus_copy, "lithium.md", "brands: [Priadel]", "brands: [Coumadin]")
    # lithium.md sorts first, so warfarin.md is the file reported as reusing the brand.
    assert "warfarin.md:4: brands: 'Coumadin' is already used by the monograph for lithium" in _problems(
        corpus_copy)


def test_unresolved_related_link(corpus_copy: Path) -> None:
    _edit(corpus_copy, "warfarin.md", "related: [inotuzumab ozogamicin]", "related: [apixaban]")
    assert "warfarin.md:10: related: related drug 'apixaban' has no monograph in the corpus" in _problems(
        corpus_copy)


def test_dose_amount_in_text_is_rejected_with_line(corpus_copy: Path) -> None:
    _edit(corpus_copy, "warfarin.md", "- INR is checked", "- Start with 5 mg; INR is checked")
    found = _problems(corpus_copy)
    assert any(p.startswith("warfarin.md:24: dose:") and "5 mg" in p for p in found), found


def test_unknown_class_and_reviewed_without_date(corpus_copy: Path) -> None:
    _edit(corpus_copy, "lithium.md", "drug_class: Mood stabilisers", "drug_class: Potions")
    _edit(corpus_copy, "lithium.md", "status: draft", "status: clinician-reviewed")
    found = _problems(corpus_copy)
    assert "lithium.md:5: drug_class: unknown class 'Potions' (not in classes.yaml)" in found
    assert any("lithium.md:11: status: clinician-reviewed needs" in p for p in found)


def test_non_utf8_file(corpus_copy: Path) -> None:
    (corpus_copy / "monographs" / "broken.md").write_bytes(b"---\nname: x\xff\n---\n")
    assert "broken.md:2: encoding: not valid UTF-8 (byte 11)" in _problems(corpus_copy)


@pytest.mark.parametrize("text", [
    "give 5 mg", "500 micrograms", "10 units", "20 mL", "2 mmol", "3 mg/kg", "reduced by 21%", "1.5 g",
    "take twice daily", "every 8 hours", "one tablet bd", "tds with food", "three times a day",
])
def test_dose_content_detected(text: str) -> None:
    assert dose_content(text)


@pytest.mark.parametrize("text", [
    "check LFTs every two weeks at first", "insulin units are counted by the patient", "type 2 diabetes",
    "CYP3A4 inhibitors", "NICE TA541", "HER2-positive", "at least an hour after the infusion",
])
def test_monitoring_intervals_and_names_allowed(text: str) -> None:
    assert dose_content(text) == []


def shared_sentences(corpus: Path, min_words: int = 8) -> dict[str, set[str]]:
    """Sentences of min_words or more, with the monographs they appear in."""
    import re

    seen: dict[str, set[str]] = {}
    for path in sorted((corpus / "monographs").glob("*.md")):
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        for sentence in re.split(r"(?<=[.!?])\s+|\n", body):
            sentence = re.sub(r"^[-*#\s]+|\*\*", "", sentence).strip().lower()
            if len(sentence.split()) >= min_words:
                seen.setdefault(sentence, set()).add(path.name)
    return seen


def test_no_template_sentences_across_the_real_corpus() -> None:
    from .conftest import REAL_CORPUS

    sentences = shared_sentences(REAL_CORPUS)
    assert len(sentences) > 1000
    over = {s: files for s, files in sentences.items() if len(files) > 3}
    assert over == {}


def test_shared_sentence_measure_sees_repeats(corpus_copy: Path) -> None:
    line = "This exact sentence is repeated in every single monograph on purpose."
    for path in (corpus_copy / "monographs").glob("*.md"):
        path.write_text(path.read_text().replace("## How it works\n", f"## How it works\n{line}\n"))
    assert len(shared_sentences(corpus_copy)[line.lower()]) == 4


def test_one_broken_file_is_reported_once(corpus_copy: Path) -> None:
    # warfarin and alendronic acid link to lithium; its parse failure must not also be reported as
    # dangling links in their files.
    _edit(corpus_copy, "lithium.md", "specialist: false\n", "specialist: false\ndosage: none\n")
    assert _problems(corpus_copy) == ["lithium.md:8: dosage: unknown key"]

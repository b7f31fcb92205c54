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


# -- issue 15: one skeleton for every check on text -------------------------------------------------------

DEFECT_5_WORDINGS = [
    "Give 500 milligrams each morning", "1 gram at night", "Take 2 tablets every morning", "one tablet every 12 h",
    "three times a week", "five milligrams", "500 мг", "５００ ｍｇ", "500\u200bmg twice\u200b daily",
]


@pytest.mark.parametrize("text", DEFECT_5_WORDINGS + [
    "half a tablet", "one and a half tablets", "1-2 puffs", "two drops", "twenty-five micrograms", "q8h",
    "b.d.", "once weekly", "once-weekly", "every four to six hours", "take a tablet every morning",
    "10 мкг", "٥٠٠ mg", "2 sachets", "𝟓𝟎𝟎 mg", "5\u00a0mg", "500 mg",
])
def test_dose_wordings_in_any_surface_form_are_detected(text: str) -> None:
    assert dose_content(text), text


@pytest.mark.parametrize("text", [
    "two weeks", "check the full blood count every 3 months", "1 in 10 patients", "grade 3 neutropenia",
    "It is a tablet taken by mouth", "a drop in blood pressure", "three times the upper limit of normal",
    "review at 4 weeks and then every six months", "one of the commonest causes", "the first two doses",
    "α-glucosidase inhibitors", "5-HT3 antagonists", "an injection under the skin", "the OD reading",
])
def test_clinical_prose_is_not_dose_content(text: str) -> None:
    assert dose_content(text) == [], text


@pytest.mark.parametrize("text", DEFECT_5_WORDINGS)
def test_validate_reports_each_defect_5_wording_at_its_line(corpus_copy: Path, text: str) -> None:
    path = _edit(corpus_copy, "warfarin.md", "- Teratogenic: avoid in pregnancy.", f"- {text}.")
    line = path.read_text().split("\n").index(f"- {text}.") + 1
    found = validate_corpus(corpus_copy)[1]
    assert [(p.file, p.line, p.field) for p in found if p.field == "dose"][:1] == [("warfarin.md", line, "dose")]


LIVE_MARKUP = [
    ("![chart](http://host.example/t.png)", "images are not allowed"),
    ("![chart][1]", "images are not allowed"),
    ("<img src=x onerror=alert(1)>", "raw HTML"),
    ('<a href="http://host.example">card</a>', "raw HTML"),
    ("<script>alert(1)</script>", "raw HTML"),
    ("some <b>bold</b> text", "raw HTML"),
    ("<!-- a hidden note -->", "raw HTML"),
    ("<img", "raw HTML"),
    ("see [the leaflet](http://host.example/leaflet)", "links other than to this product's pages"),
    ("see [the leaflet](javascript:alert(1))", "links other than to this product's pages"),
    ("see [the leaflet][1]", "reference links are not allowed"),
    ("[1]: http://host.example/leaflet", "link definitions are not allowed"),
    ("see <http://host.example/leaflet>", "links to other sites"),
    ("see https://host.example/leaflet", "links to other sites"),
    ("see www.host.example", "links to other sites"),
    ("write to someone@host.example", "links to other sites"),
]


@pytest.mark.parametrize(("text", "message"), LIVE_MARKUP, ids=[t for t, _ in LIVE_MARKUP])
def test_live_markdown_in_a_section_names_file_line_and_section(corpus_copy: Path, text: str, message: str) -> None:
    path = _edit(corpus_copy, "warfarin.md", "## Monitoring\n", f"## Monitoring\n- {text}\n")
    line = path.read_text().split("\n").index(f"- {text}") + 1
    found = [p for p in validate_corpus(corpus_copy)[1] if p.field != "dose"]
    assert [(p.file, p.line, p.field) for p in found] == [("warfarin.md", line, "monitoring")], found
    assert message in found[0].message


CLASS_MARKUP = LIVE_MARKUP[:3] + LIVE_MARKUP[8:9]


@pytest.mark.parametrize(("text", "message"), CLASS_MARKUP, ids=[t for t, _ in CLASS_MARKUP])
def test_live_markdown_in_a_class_description_names_its_yaml_line(corpus_copy: Path, text: str, message: str) -> None:
    path = corpus_copy / "classes.yaml"
    old = "  description: Medicines that reduce blood clotting; bleeding is the shared risk."
    path.write_text(path.read_text().replace(old, f"{old} {text}"))
    line = path.read_text().split("\n").index(f"{old} {text}") + 1
    found = validate_corpus(corpus_copy)[1]
    assert [(p.file, p.line, p.field) for p in found] == [("classes.yaml", line, "description")], found
    assert message in found[0].message


def test_links_to_own_pages_pass_and_must_lead_somewhere(corpus_copy: Path) -> None:
    _edit(corpus_copy, "warfarin.md", "- INR is checked",
          "- See [lithium](?drug=lithium), [Besponsa](?drug=inotuzumab%20ozogamicin) and [the class]"
          "(?class=Anticoagulants). INR is checked")
    assert _problems(corpus_copy) == []
    _edit(corpus_copy, "warfarin.md", "(?drug=lithium)", "(?drug=apixaban)")
    assert _problems(corpus_copy) == ["warfarin.md:24: monitoring: link to ?drug=apixaban: no such drug in the corpus"]


@pytest.mark.parametrize("shadow", ["warfarin.", "Warfarin!", "wаrfarin", "war\u00adfarin", "ＷＡＲＦＡＲＩＮ"])
def test_a_name_that_reads_as_another_monographs_name_is_reported(corpus_copy: Path, shadow: str) -> None:
    text = (corpus_copy / "monographs" / "warfarin.md").read_text().replace("name: warfarin", f'name: "{shadow}"')
    text = text.replace("brands: [Coumadin, Jantoven]", "brands: []")
    (corpus_copy / "monographs" / "warfarin2.md").write_text(text)
    found = _problems(corpus_copy)
    # The shadow copy is reported; being another name, it also lacks warfarin's written checklist exception.
    assert f"warfarin2.md:2: name: '{shadow}' (read as 'warfarin') is already used by the monograph for " \
           "warfarin in warfarin.md" in found, found
    assert all(p.startswith("warfarin2.md") for p in found), found


def test_a_brand_that_reads_as_another_drugs_brand_is_reported(corpus_copy: Path) -> None:
    _edit(corpus_copy, "lithium.md", "brands: [Priadel]", "brands: [Priadel, coumadin.]")
    assert "warfarin.md:4: brands: 'Coumadin' (read as 'coumadin.') is already used by the monograph for lithium" in (
        _problems(corpus_copy))


def test_the_real_corpus_passes_the_text_rules() -> None:
    from .conftest import REAL_CORPUS

    assert validate_corpus(REAL_CORPUS)[1] == []


def test_text_rules_take_linear_time_on_hostile_lines() -> None:
    import time

    from clincalc_search.markup import live_markup

    lines = ["1" * 20000, "one " * 5000, "1." * 10000, "[a](" * 5000, "x." * 10000, "](" * 10000, "one-" * 5000]
    start = time.perf_counter()
    for line in lines:
        dose_content(line)
        live_markup(line)
    assert time.perf_counter() - start < 3  # quadratic patterns took over 40 s on the first line alone


def test_brands_abroad_are_read_and_must_not_name_another_drug(corpus_copy: Path) -> None:
    m, problems = parse_monograph(FIXTURE_CORPUS / "monographs" / "alendronic-acid.md")
    assert not problems and m is not None
    assert m.brands_abroad == {"es": ["Fosamac"], "it": ["Alendros"]}
    _edit(corpus_copy, "alendronic-acid.md", "it: [Alendros]", "it: [Priadel]")
    assert "lithium.md:4: brands: 'Priadel' is already used by the monograph for alendronic acid" in _problems(
        corpus_copy)


def test_every_language_a_brand_abroad_may_have_names_its_country() -> None:
    from typing import get_args

    from clincalc_search.models import COUNTRIES, AbroadLanguage

    assert set(COUNTRIES) == set(get_args(AbroadLanguage))


def test_a_brand_abroad_needs_a_language_the_product_reads(corpus_copy: Path) -> None:
    _edit(corpus_copy, "alendronic-acid.md", "it: [Alendros]", "nl: [Alendros]")
    assert any(p.startswith("alendronic-acid.md:5: brands_abroad: Input should be") for p in _problems(corpus_copy))

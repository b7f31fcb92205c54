"""Highlights: units of a section, their offsets into the verbatim text, and when nothing stands out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clincalc_search.cli import main
from clincalc_search.embedding import FakeEncoder
from clincalc_search.engine import Engine
from clincalc_search.highlight import unit_spans
from clincalc_search.highlight_markdown import contrast_ratio, highlighted, plain
from clincalc_search.index_store import build_index
from clincalc_search.settings import load_settings

from .conftest import FIXTURE_CORPUS

QUESTIONS = [
    "what should I tell patients about black stools on warfarin",
    "besponsa veno-occlusive disease weight gain",
    "warfarin", "Besponsa", "lithium toxicity signs", "how much warfarin and what about black stools",
    "tell me about blood thinners", "clotting factors and bleeding risk",
]


def test_units_are_bullets_without_markers_and_sentences() -> None:
    text = ("Warfarin is old. It is cheap (Mant et al. Lancet 2007) and e.g. Coumadin works.\n"
            "- **Bleeding**: the key risk.\n- INR checks.\n\n1. Numbered item.")
    pieces = [text[s:e] for s, e in unit_spans(text)]
    assert pieces == ["Warfarin is old.", "It is cheap (Mant et al. Lancet 2007) and e.g. Coumadin works.",
                      "**Bleeding**: the key risk.", "INR checks.", "Numbered item."]


@pytest.mark.parametrize("question", QUESTIONS)
def test_offsets_lie_inside_verbatim_text(engine: Engine, question: str) -> None:
    answer = engine.ask(question)
    for hit in answer.hits:
        section = engine.monographs[hit.drug].section(hit.section).text
        assert hit.text.encode() == section.encode()  # byte-identical to the monograph section
        assert section in (FIXTURE_CORPUS / "monographs" / engine.monographs[hit.drug].path).read_text()
        for start, end in hit.highlights:
            assert 0 <= start < end <= len(hit.text)
            assert hit.text[start:end] == hit.text[start:end].strip()


def test_obvious_question_highlights_the_line_that_answers(engine: Engine) -> None:
    hit = engine.ask("what should I tell patients about black stools on warfarin").hits[0]
    assert (hit.drug, hit.section) == ("warfarin", "counselling")
    start, end = hit.highlights[0]
    assert hit.text[start:end] == "Report black stools, blood in urine or unusual bruising."


def test_refusal_keeps_highlights_on_its_non_dose_hits(engine: Engine) -> None:
    answer = engine.ask("how much warfarin and what should I tell patients about black stools")
    assert answer.refused
    hit = next(h for h in answer.hits if h.section == "counselling")
    assert "black stools" in hit.text[slice(*hit.highlights[0])]


@pytest.mark.parametrize("question", ["warfarin", "Coumadin", "warfarin counselling", "besponsa monitoring",
                                      "what should I monitor on Besponsa?"])
def test_nothing_stands_out_for_a_drug_or_a_section_alone(engine: Engine, question: str) -> None:
    answer = engine.ask(question)
    assert answer.hits
    assert all(h.highlights == [] for h in answer.hits)


def test_json_carries_highlights_as_offset_pairs(engine: Engine, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "what should I tell patients about black stools on warfarin", "--json"]) == 0
    hit = json.loads(capsys.readouterr().out)["hits"][0]
    assert hit["highlights"] and all(isinstance(p, list) and len(p) == 2 for p in hit["highlights"])
    assert hit["text"][hit["highlights"][0][0]:hit["highlights"][0][1]].startswith("Report black stools")


def test_unchanged_units_are_not_re_embedded() -> None:
    s = load_settings()
    first = build_index(s.corpus_dir, s.index_dir, FakeEncoder(), progress=False)
    assert first.unit_count == first.units_embedded > first.chunk_count
    second = build_index(s.corpus_dir, s.index_dir, FakeEncoder(), progress=False)
    assert second.unit_count == first.unit_count and second.units_embedded == 0


def test_markdown_wraps_exact_substrings_and_keeps_markers_outside() -> None:
    text = "- **Bleeding**: the key risk.\n- INR checks [weekly].\n- Odd * star."
    spans = unit_spans(text)
    marked = highlighted(text, spans)
    assert plain(marked) == text
    assert marked.startswith("- :color[**Bleeding**: the key risk.]{")  # the bullet marker stays outside
    assert "- INR checks [weekly]." in marked and "- Odd * star." in marked  # unsafe spans left unmarked
    assert highlighted(text, [(5, 2), (0, 999)]) == text


def test_highlight_colours_meet_wcag_aa() -> None:
    assert contrast_ratio() >= 4.5


def test_eval_highlights_reports_first_highlight_accuracy(engine: Engine, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    rows = [
        {"id": "a", "question": "what should I tell patients about black stools on warfarin", "drug": "warfarin",
         "section": "counselling", "line": "Report black stools, blood in urine or unusual bruising."},
        {"id": "b", "question": "what should I tell patients about black stools on warfarin", "drug": "warfarin",
         "section": "counselling", "line": "Carry the anticoagulant alert card"},
        {"id": "c", "question": "warfarin", "drug": "warfarin", "section": "overview", "line": None},
    ]
    path = tmp_path / "labels.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    assert main(["eval", "--highlights", "--file", str(path)]) == 0
    out = capsys.readouterr().out
    assert "| 0.500 (1/2) |" in out and "| 1.000 (1/1) |" in out


def test_bm25_mode_has_no_vector_so_no_highlights(engine: Engine) -> None:
    """Highlighting never encodes the question itself: without the retrieval's vector there are none."""
    answer = engine.ask("what should I tell patients about black stools on warfarin", mode="bm25")
    assert answer.hits and all(h.highlights == [] for h in answer.hits)


def test_highlighting_adds_no_encode(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[list[str]] = []
    real = engine.encoder.encode
    monkeypatch.setattr(engine.encoder, "encode", lambda texts, **kw: calls.append(texts) or real(texts, **kw))
    hit = engine.ask("what should I tell patients about black stools on warfarin").hits[0]
    assert hit.highlights and len(calls) == 1


@pytest.mark.parametrize("name", ["highlights_dev.jsonl", "highlights_heldout.jsonl"])
def test_every_labelled_line_is_still_in_the_corpus(name: str) -> None:
    # A content update that rewrites a labelled line stops `eval --highlights` with an error: the thirty-sixth
    # session's NICE NG106 update did so for one held-out label, unnoticed until the thirty-ninth. Checked here.
    from clincalc_search.corpus import load_corpus

    from .conftest import REAL_CORPUS

    monographs, _ = load_corpus(REAL_CORPUS / "monographs")
    text = {(m.name, s.key): s.text for m in monographs for s in m.sections}
    rows = [json.loads(line) for line in (Path(__file__).parents[1] / "eval" / name).read_text().splitlines()
            if line.strip()]
    stale = [r["id"] for r in rows if r.get("line") and r["line"] not in text.get((r["drug"], r["section"]), "")]
    assert stale == []

"""Property-based fuzzing (hypothesis): the monograph parser, the dose guard and Engine.ask never raise.

* `parse_monograph` on random files (random front matter, random body, random bytes, and mutations of a valid
  monograph) returns problems that name the file, a real line and a field; it never raises.
* `dose_guard.check` and friends never raise, and a refusal always names the rule and the words that fired.
* `Engine.ask` on arbitrary text returns an Answer in the CLI's JSON shape whose hits are always sections copied
  verbatim from the corpus.

Examples are derandomised (the same inputs on every run) and bounded by `max_examples`.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from clincalc_search import dose_guard
from clincalc_search.corpus import FRONT_MATTER_KEYS, parse_monograph
from clincalc_search.embedding import FakeEncoder
from clincalc_search.engine import Engine
from clincalc_search.index_store import build_index
from clincalc_search.models import SECTION_TITLES, Answer
from clincalc_search.settings import Settings

from .conftest import FIXTURE_CORPUS

FUZZ = settings(derandomize=True, database=None, deadline=None, print_blob=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
TEMPLATE = (FIXTURE_CORPUS / "monographs" / "warfarin.md").read_text(encoding="utf-8")
CORPUS_TEXTS = [p.read_text(encoding="utf-8") for p in sorted((FIXTURE_CORPUS / "monographs").glob("*.md"))]

# -- the parser --------------------------------------------------------------------------------------

_YAML_VALUES = st.one_of(
    st.text(max_size=30),
    st.sampled_from([
        "null", "~", "true", "no", "[]", "{}", "[a, b]", "[a, [b, [c]]]", "{a: 1}", "2024-01-31", "2024-13-45",
        "2024-02-30", "2024-01-01T25:00:00", "!!int abc", "!!float x", "!!timestamp nope", "!!binary '!!'",
        "!!python/object/apply:os.system ['true']", "&a x", "*a", "*undefined", "[", "{", "'", '"', "|", ">",
        "- x", ": :", "@", "`", "%", "!", "\t", "draft", "clinician-reviewed", "-1", "1e400", "0x1F", ".inf",
        "[" * 200 + "]" * 200, "? [a]\n: b",
    ]),
    st.integers().map(str),
    st.dates().map(str),
)
_KEYS = st.one_of(st.sampled_from(FRONT_MATTER_KEYS), st.text(min_size=1, max_size=12))
_BODY_LINES = st.one_of(
    st.sampled_from([f"## {t}" for t in SECTION_TITLES.values()] + ["## ", "# Title", "---", "", "##Monitoring",
                                                                      "## monitoring", "## Dosing"]),
    st.text(max_size=60),
)


@st.composite
def monograph_files(draw: st.DrawFn) -> bytes:
    """Random monograph-shaped files: some well formed, most broken in some way."""
    kind = draw(st.sampled_from(["structured", "structured", "mutated", "mutated", "mutated", "text", "bytes"]))
    if kind == "bytes":
        return draw(st.binary(max_size=400))
    if kind == "text":
        return draw(st.text(max_size=400)).encode("utf-8", "surrogatepass")
    if kind == "mutated":
        lines = TEMPLATE.split("\n")
        for _ in range(draw(st.integers(1, 4))):
            i = draw(st.integers(0, len(lines) - 1))
            action = draw(st.sampled_from(["replace", "insert", "delete", "value"]))
            if action == "replace":
                lines[i] = draw(st.one_of(_BODY_LINES, st.text(max_size=40)))
            elif action == "insert":
                lines.insert(i, draw(_BODY_LINES))
            elif action == "delete" and len(lines) > 1:
                del lines[i]
            elif ":" in lines[i]:
                lines[i] = lines[i].split(":", 1)[0] + ": " + draw(_YAML_VALUES)
        return "\n".join(lines).encode("utf-8", "surrogatepass")
    front = "\n".join(f"{k}: {v}" for k, v in draw(st.lists(st.tuples(_KEYS, _YAML_VALUES), max_size=12)))
    body = "\n".join(draw(st.lists(_BODY_LINES, max_size=20)))
    opener = draw(st.sampled_from(["---\n", "---\n", "--- \n", "", "\ufeff---\n"]))
    closer = draw(st.sampled_from(["\n---\n", "\n---\n", "\n", "\n--- \n"]))
    newline = draw(st.sampled_from(["\n", "\n", "\r\n", "\r"]))
    return (opener + front + closer + body).replace("\n", newline).encode("utf-8", "surrogatepass")


@pytest.fixture(scope="module")
def scratch() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder)


@settings(FUZZ, max_examples=400)
@given(content=monograph_files())
def test_parser_never_raises_and_locates_every_problem(scratch: Path, content: bytes) -> None:
    path = scratch / "fuzz.md"
    path.write_bytes(content)
    monograph, problems = parse_monograph(path)
    event("parsed a monograph" if monograph else f"problem: {problems[0].field if problems else '?'}")
    assert (monograph is None) == bool(problems)
    last_line = content.count(b"\n") + 1
    for p in problems:
        assert p.file == "fuzz.md"
        assert 1 <= p.line <= last_line, (p, last_line)
        assert isinstance(p.field, str) and p.field and p.message
    if monograph is not None:
        text = content.decode("utf-8").replace("\r\n", "\n")
        assert all(s.text in text for s in monograph.sections)  # sections are kept verbatim


# -- the dose guard ----------------------------------------------------------------------------------

_DOSE_WORDS = st.sampled_from([
    "dose", "dosing", "how much", "how many", "mg", "5 mg", "10mg/kg", "twice daily", "bd", "every 8 hours",
    "maximum", "titrate", "taper", "switch from", "to", "iv to oral", "missed", "double up", "infusion rate",
    "crcl", "egfr below 30", "for a child", "warfarin", "lithium", "level 0.8", "type 2", "KEYNOTE-189", "2019",
    "?", "combien", "wie viel", "cuánto", "how long should I take", "how often are bloods checked", "overdose",
    "half a tablet", "strengths", "1", "1.5", "0,5", "µg", "%", "per kilo", "first-dose hypotension",
])
_QUESTIONS = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(_DOSE_WORDS, st.text(max_size=8)), max_size=15).map(" ".join),
)


@settings(FUZZ, max_examples=600)
@given(question=_QUESTIONS, drug=st.one_of(st.none(), st.text(max_size=20)),
       brands=st.lists(st.text(max_size=10), max_size=3))
def test_dose_guard_never_raises(question: str, drug: str | None, brands: list[str]) -> None:
    decision = dose_guard.check(question)
    event(f"dose rule: {decision.rule}")
    assert isinstance(decision.is_dose, bool) and bool(decision) == decision.is_dose
    if decision:
        assert decision.rule and decision.matched is not None
    else:
        assert decision.rule is None
    assert isinstance(dose_guard.without_dose_phrases(question), str)
    message = dose_guard.refusal_message(drug, brands)
    assert "SmPC" in message and "local formulary" in message


# -- Engine.ask ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def fuzz_engine() -> Iterator[Engine]:
    with tempfile.TemporaryDirectory() as folder:
        s = Settings(corpus_dir=FIXTURE_CORPUS, index_dir=Path(folder) / "index", encoder="fake")
        build_index(s.corpus_dir, s.index_dir, FakeEncoder(), progress=False)
        yield Engine.load(s)


_ENGINE_WORDS = st.sampled_from([
    "warfarin", "Coumadin", "lithium", "Priadel", "besponsa", "besponza", "inotuzumab", "alendronic acid",
    "Fosamax", "alendronate", "monitor", "monitoring", "how does", "work", "side effects", "counselling",
    "evidence", "tell me about", "blood thinners", "anticoagulants", "antibody-drug conjugates", "DOACs",
    "what is", "how much", "dose", "vs", "and", "with", "teplizumab", "capital of France", "?", "!", "...",
    "mood stabilisers", "bone", "LFTs", "INR", "pregnancy", "interactions", "ADC", "cloz", "warf",
])
_ENGINE_QUESTIONS = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(_ENGINE_WORDS, st.text(max_size=6)), max_size=12).map(" ".join),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1990, max_size=2010),
)


@settings(FUZZ, max_examples=250)
@given(question=_ENGINE_QUESTIONS,
       context=st.one_of(st.none(), st.sampled_from(["warfarin", "Priadel", "Besponsa", "nothing"]),
                         st.text(max_size=20)),
       top_k=st.one_of(st.none(), st.integers(min_value=1, max_value=10)))
def test_engine_ask_never_raises_and_hits_are_verbatim(fuzz_engine: Engine, question: str, context: str | None,
                                                       top_k: int | None) -> None:
    answer = fuzz_engine.ask(question, top_k=top_k, context_drug=context)
    event("refused" if answer.refused else "answered" if answer.hits else "no hits (message)")
    assert isinstance(answer, Answer) and answer.question == question
    data = json.loads(answer.model_dump_json())
    assert set(data) == {"question", "refused", "message", "drug", "hits", "why"}
    for hit in answer.hits:
        assert hit.text == fuzz_engine.monographs[hit.drug].section(hit.section).text
        assert any(hit.text in text for text in CORPUS_TEXTS)
        assert all(0 <= start < end <= len(hit.text) for start, end in hit.highlights)
    if answer.refused:
        assert answer.message and "SmPC" in answer.message
    if not answer.hits:
        assert answer.message  # an empty answer always says why

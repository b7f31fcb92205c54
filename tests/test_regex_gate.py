"""The gate in front of the large patterns skips only what could not have matched."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from clincalc_search import dose_guard, intent
from clincalc_search.regex_gate import (
    GATES_FILE,
    KEY_CHARS,
    GatedPattern,
    compile_all,
    gated_patterns,
    pattern_key,
    required_strings,
)

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(("pattern", "strings"), [
    (r"\bhow (?:much|many)\b", {"how much", "how many"}),
    (r"\d+ ?mg\b", set("0123456789")),  # a digit tells more than a two-letter string
    (r"\w+ly", {"ly"}),
    (r"\b(?:take|taken) (?:it|them) with", {"take it with", "take them with", "taken it with", "taken them with"}),
    (r"(?<!not )\b(?:dose|dosing) (?:of|for)\b", {"dose of", "dose for", "dosing of", "dosing for"}),
    (r"\b\d+\b", set("0123456789")),
])
def test_required_strings_read_from_the_pattern(pattern: str, strings: set[str]) -> None:
    assert required_strings(pattern) == strings


@pytest.mark.parametrize("pattern", [r"(?:abc)?", r"\w+", r"[^?]*", r"(?i)dose", r"a|\w"])
def test_no_strings_when_a_match_needs_none(pattern: str) -> None:
    assert required_strings(pattern) is None


_MADE_HERE = {r"\bhow (?:much|many)\b"}  # patterns this file gates itself, not the product's


def test_a_gated_pattern_answers_as_the_pattern() -> None:
    gated = GatedPattern(r"\bhow (?:much|many)\b")
    assert gated.search("what dose") is None and gated.sub(" ", "what dose") == "what dose"
    assert gated.search("how many tablets").group(0) == "how many"  # type: ignore[union-attr]
    assert [m.span() for m in gated.finditer("how much, how many")] == [(0, 8), (10, 18)]
    assert gated.sub("_", "how much or how many") == "_ or _"


def test_a_pattern_is_compiled_when_its_gate_first_lets_a_question_through() -> None:
    # A cold start answers one question: only the patterns its gates let through should pay for compiling.
    gated = GatedPattern(r"\bhow (?:much|many)\b")
    assert gated.search("what dose") is None and gated._regex is None
    assert gated.search("how many") is not None and gated._regex is not None


def test_compile_all_compiles_every_product_pattern_before_a_stream() -> None:
    compile_all()
    assert all(g._regex is not None for g in _product_patterns())


def _product_patterns() -> list[GatedPattern]:
    return [g for g in gated_patterns() if g.pattern not in _MADE_HERE]


def _questions() -> list[str]:
    texts = []
    for path in sorted((ROOT / "eval").glob("*.jsonl")):
        texts += [json.loads(line)["question"] for line in path.read_text(encoding="utf-8").splitlines() if line]
    return texts


def test_no_gate_skips_a_pattern_that_matches_a_labelled_question() -> None:
    # Every gated pattern of the dose guard and the intent table, on every labelled question as each reads it.
    gated = _product_patterns()
    assert sum(rx.required is not None for rx in gated) >= len(gated) // 2  # the gates are in use
    texts = {form for q in _questions() for form in (dose_guard.normalise(q), q.casefold(), intent._spelled(q))}
    plain = [re.compile(rx.pattern) for rx in gated]
    wrongly_skipped = [(t, rx.pattern[:60]) for t in sorted(texts) for rx, bare in zip(gated, plain, strict=True)
                       if not rx.may_match(t) and bare.search(t)]
    assert not wrongly_skipped
    # and the gates do skip: each gate says exactly what a set test of its own keys against the text's pieces says
    sample = sorted(texts)[::50]
    pieces = {t: {t[i:i + n] for n in range(1, KEY_CHARS + 1) for i in range(len(t) - n + 1)} for t in sample}
    answers = [(rx.may_match(t), rx.required is None or not rx.required.isdisjoint(pieces[t]))
               for t in sample for rx in gated]
    assert all(gate == keys for gate, keys in answers)
    assert sum(not gate for gate, _ in answers) > len(answers) // 2  # most patterns are skipped for most questions


def test_the_stored_gates_are_those_the_patterns_give() -> None:
    # The file saves a cold start from reading ninety parse trees; a changed pattern needs `python
    # tools/make_regex_gates.py` (until then it is read afresh: slower, never wrong).
    stored = json.loads(GATES_FILE.read_text(encoding="utf-8"))
    stale = [g.pattern[:60] for g in _product_patterns()
             if stored.get(pattern_key(g.pattern), "missing") != (None if (r := required_strings(g.pattern)) is None
                                                                  else sorted(r))]
    assert not stale, "rerun python tools/make_regex_gates.py"

"""Standing fuzz layer for text (issue 15): every check reads one skeleton, so no surface form hides a dose.

* `skeleton` is idempotent; format characters anywhere, Latin letters swapped for their look-alikes and
  full-width forms leave it unchanged.
* A dose question from the labelled set stays refused whatever invisible, look-alike or full-width
  characters are put into it.
* Corpus mutator: dose wordings generated in many surface forms (digits or words, full-width, other scripts'
  digits, spelled, abbreviated or Cyrillic units, zero-width characters, look-alike letters, frequency forms)
  are put into random lines of every section of a fixture monograph; `validate` reports each one at its line.

Examples are derandomised (the same inputs on every run) and bounded by `max_examples`.
"""

from __future__ import annotations

import json
import shutil
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clincalc_search.confusables import PROTOTYPES
from clincalc_search.dose_guard import check
from clincalc_search.drugs import normalise
from clincalc_search.engine import Engine
from clincalc_search.skeleton import skeleton
from clincalc_search.validation import validate_corpus

from .conftest import FIXTURE_CORPUS, ROOT

FUZZ = settings(derandomize=True, database=None, deadline=None, print_blob=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])

# Every format character (category Cf) Unicode assigns, and a few other invisible ones skeleton drops.
FORMAT_CHARS = [chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Cf"] + [
    "\u034f", "\ufe0f", "\u3164", "\u180b"]
# Look-alikes of each Latin letter, from the table skeleton uses. Cyrillic г (read "r") is left out: next to
# м it spells the Russian unit мг, which skeleton reads as "mg" on purpose.
LOOK_ALIKES = {t: [c for c in chars if c != "г"] for t, chars in PROTOTYPES.items()
               if len(t) == 1 and t.isalpha() and any(c != "г" for c in chars)}


def _full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else "\u3000" if c == " " else c for c in text)


@st.composite
def _with_format_chars(draw: st.DrawFn, text: str) -> str:
    chars = list(text)
    for _ in range(draw(st.integers(1, 4))):
        chars.insert(draw(st.integers(0, len(chars))), draw(st.sampled_from(FORMAT_CHARS)))
    return "".join(chars)


@st.composite
def _with_look_alikes(draw: st.DrawFn, text: str) -> str:
    return "".join(draw(st.sampled_from(LOOK_ALIKES[c])) if c in LOOK_ALIKES and draw(st.booleans()) else c
                   for c in text)


@st.composite
def _surface(draw: st.DrawFn, text: str) -> str:
    """The same words as a reader sees them, written another way."""
    form = draw(st.sampled_from(["format", "look_alike", "full_width", "all"]))
    if form in ("full_width", "all"):
        text = _full_width(text)
    if form in ("look_alike", "all"):
        text = draw(_with_look_alikes(text))
    if form in ("format", "all"):
        text = draw(_with_format_chars(text))
    return text


# -- the skeleton -----------------------------------------------------------------------------------------

@settings(FUZZ, max_examples=500)
@given(st.text(max_size=200))
def test_skeleton_is_idempotent(text: str) -> None:
    once = skeleton(text)
    assert skeleton(once) == once


@settings(FUZZ, max_examples=400)
@given(st.text(max_size=120), st.data())
def test_format_characters_anywhere_change_nothing(text: str, data: st.DataObject) -> None:
    assert skeleton(data.draw(_with_format_chars(text))) == skeleton(text)


_LATIN = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789 .,-'", max_size=80)


@settings(FUZZ, max_examples=400)
@given(_LATIN, st.data())
def test_look_alike_letters_read_as_latin(text: str, data: st.DataObject) -> None:
    assert skeleton(data.draw(_with_look_alikes(text))) == skeleton(text)


@settings(FUZZ, max_examples=300)
@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=80))
def test_full_width_forms_read_as_ascii(text: str) -> None:
    assert skeleton(_full_width(text)) == skeleton(text)


@pytest.mark.parametrize(("typed", "read"), [
    ("Ｗａｒｆａｒｉｎ", "warfarin"), ("𝐰𝐚𝐫𝐟𝐚𝐫𝐢𝐧", "warfarin"), ("wаrfаrіn", "warfarin"),
    ("war\u00adfa\u200brin", "warfarin"),
    ("Paracétamol", "paracetamol"), ("٥٠٠ mg", "500 mg"), ("500 мг", "500 mg"), ("10 мкг", "10 mcg"),
    ("½", "1/2"), ("  a \t b\u2028c ", "a b c"), ("ΚΑΡΑ", "kapa"), ("β-blocker", "β-blocker"),
])
def test_skeleton_examples(typed: str, read: str) -> None:
    assert skeleton(typed) == read


def test_every_look_alike_in_the_table_reads_as_its_ascii() -> None:
    wrong = {c: t for t, chars in PROTOTYPES.items() for c in chars if skeleton(c) != skeleton(t)}
    assert wrong == {}


def test_skeleton_is_fast_on_questions() -> None:
    import time

    questions = ["how much warfarin should I take?", "what should I monitor on wаrfarin? 💊", "ｌｉｔｈｉｕｍ"] * 300
    start = time.perf_counter()
    for q in questions:
        skeleton(q)
    assert (time.perf_counter() - start) / len(questions) < 0.001  # well under a millisecond each


# -- checks that read it ----------------------------------------------------------------------------------

def test_recognition_reads_the_skeleton(engine: Engine) -> None:
    assert normalise("Wаrfarin!") == "warfarin"
    for typed, drug in [("what should I monitor on wаrfarin", "warfarin"), ("ＬＩＴＨＩＵＭ monitoring", "lithium"),
                        ("war\u200bfarin side effects", "warfarin"), ("Вesponsa monitoring", "inotuzumab ozogamicin")]:
        assert engine.lexicon.recognise(typed).drugs == [drug], typed
        assert engine.ask(typed).drug == drug, typed


DOSE_QUESTIONS = [json.loads(line)["question"] for line in (ROOT / "eval" / "dose_queries.jsonl").read_text(
    encoding="utf-8").splitlines() if line.strip() and json.loads(line)["dose"]]
DOSE_QUESTIONS = [q for q in DOSE_QUESTIONS if check(q)]  # the few the guard misses are tracked elsewhere


@settings(FUZZ, max_examples=400)
@given(st.sampled_from(DOSE_QUESTIONS), st.data())
def test_a_dose_question_stays_refused_in_any_surface_form(question: str, data: st.DataObject) -> None:
    variant = data.draw(_surface(question))
    assert check(variant), (question, variant)


# -- the corpus mutator -----------------------------------------------------------------------------------

_WORD_NUMBERS = ["one", "two", "three", "five", "ten", "twelve", "twenty", "half", "one and a half", "twenty-five"]
_UNITS = ["mg", "g", "mcg", "ml", "mmol", "units", "milligrams", "milligram", "grams", "gram", "micrograms",
          "millilitres", "millilitre", "мг", "мкг", "мл", "tablets", "tablet", "capsules", "puffs", "drops",
          "sachets", "sachet"]
_AFTER_AMOUNT = ["", " every morning", " each morning", " at night", " twice daily", " once weekly", " a day",
                 " three times a week", " every 12 h", " bd", " tds"]
_FREQUENCIES = ["twice daily", "once-weekly", "once weekly", "three times a week", "four times a day",
                "every 8 hours", "every 12 h", "every four to six hours", "q8h", "bd", "tds", "qds", "nocte",
                "twice a day", "2 times daily"]
_DIGIT_FORMS = [str.maketrans("0123456789", "0123456789"), str.maketrans("0123456789", "０１２３４５６７８９"),
                str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"), str.maketrans("0123456789", "𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗")]


@st.composite
def dose_wordings(draw: st.DrawFn) -> str:
    if draw(st.booleans()):
        wording = draw(st.sampled_from(_FREQUENCIES))
    else:
        if draw(st.booleans()):
            number = str(draw(st.sampled_from([1, 2, 5, 10, 20, 25, 50, 100, 250, 500, 1000])))
            number = draw(st.sampled_from(["{}", "{}.5", "{}-2", "{} to 2"])).format(number)
            number = number.translate(draw(st.sampled_from(_DIGIT_FORMS)))
        else:
            number = draw(st.sampled_from(_WORD_NUMBERS))
        space = draw(st.sampled_from(["", " ", "\u00a0", "\u200b", " \u200b", "\u2009"]))
        if not space.strip() and not number[-1].isdigit():
            space = " "  # "fivemg" is no wording anyone writes
        wording = number + space + draw(st.sampled_from(_UNITS)) + draw(st.sampled_from(_AFTER_AMOUNT))
    if draw(st.booleans()):
        wording = draw(_with_format_chars(wording))
    if draw(st.booleans()):
        wording = draw(_with_look_alikes(wording))
    return wording


_TEMPLATE = (FIXTURE_CORPUS / "monographs" / "warfarin.md").read_text(encoding="utf-8").split("\n")
_BODY_START = _TEMPLATE.index("---", 1) + 1
_SECTION_LINES = [n for n, line in enumerate(_TEMPLATE) if n >= _BODY_START and line.strip()
                  and not line.startswith("## ")]


@pytest.fixture(scope="module")
def mutable_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    corpus = tmp_path_factory.mktemp("mutated") / "corpus"
    shutil.copytree(FIXTURE_CORPUS, corpus)
    return corpus


@settings(FUZZ, max_examples=100)
@given(wording=dose_wordings(), at=st.sampled_from(_SECTION_LINES), where=st.floats(0, 1))
def test_validate_reports_every_inserted_dose_wording_at_its_line(mutable_corpus: Path, wording: str, at: int,
                                                                  where: float) -> None:
    lines = list(_TEMPLATE)
    words = lines[at].split(" ")
    cut = round(where * len(words))
    lines[at] = " ".join(words[:cut] + [wording] + words[cut:])
    (mutable_corpus / "monographs" / "warfarin.md").write_text("\n".join(lines), encoding="utf-8")
    # Editorial checks (contraindications first) may also object to a line inserted into a bullet list; what
    # matters here is that the dose wording is reported, at its line, and nothing else blocks the build.
    problems = [p for p in validate_corpus(mutable_corpus)[1] if p.blocks_build]
    assert {(p.file, p.line, p.field) for p in problems} == {("warfarin.md", at + 1, "dose")}, (wording, problems)

"""The Streamlit app through AppTest: every view and every URL parameter."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from clincalc_search.embedding import FakeEncoder
from clincalc_search.index_store import build_index
from clincalc_search.settings import load_settings

APP = str(Path(__file__).resolve().parents[1] / "app.py")


@pytest.fixture
def app() -> AppTest:
    s = load_settings()
    build_index(s.corpus_dir, s.index_dir, FakeEncoder(), progress=False)
    return AppTest.from_file(APP, default_timeout=30)


def markdown(at: AppTest) -> str:
    return "\n".join(str(m.value) for m in at.markdown)


def captions(at: AppTest) -> str:
    return "\n".join(str(c.value) for c in at.caption)


def ask(at: AppTest, question: str) -> AppTest:
    at.run()
    return at.chat_input(key="chat").set_value(question).run()


def test_question_shows_verbatim_section_with_references_and_status(app: AppTest) -> None:
    ask(app, "what should I monitor on Besponsa?")
    assert not app.exception
    assert "### Inotuzumab ozogamicin (Besponsa) — Monitoring" in markdown(app)
    assert "- Liver function tests and full blood count before each dose.\n- Watch for" in markdown(app)
    assert "NICE TA541" in captions(app) and "Status: draft" in captions(app)
    assert "Confirm all doses against the product SmPC" in captions(app)
    assert app.query_params["q"] in ("what should I monitor on Besponsa?", ["what should I monitor on Besponsa?"])
    # The copy control holds the section unaltered.
    assert any(c.value.startswith("- Liver function tests") for c in app.code)


def test_dose_question_shows_refusal_prominently(app: AppTest) -> None:
    ask(app, "how much besponsa for cycle 1")
    assert len(app.error) == 1
    assert "inotuzumab ozogamicin (Besponsa)" in app.error[0].value and "SmPC" in app.error[0].value
    assert any("local formulary" in c.value for c in app.code)  # copyable wording


def test_follow_up_uses_the_previous_drug(app: AppTest) -> None:
    ask(app, "what should I monitor on Besponsa?")
    app.chat_input(key="chat").set_value("and how does it work?").run()
    assert "### Inotuzumab ozogamicin (Besponsa) — How it works" in markdown(app)


def test_abstention_shows_what_the_corpus_covers(app: AppTest) -> None:
    ask(app, "what is the capital of France")
    assert any("covers" in w.value for w in app.warning)


def test_q_parameter_answers_on_open(app: AppTest) -> None:
    app.query_params["q"] = "how does warfarin work"
    app.run()
    assert "### Warfarin (Coumadin, Jantoven) — How it works" in markdown(app)


def test_dose_question_via_q_parameter_is_refused(app: AppTest) -> None:
    app.query_params["q"] = "warfarin dose"
    app.run()
    assert len(app.error) == 1 and "warfarin (Coumadin, Jantoven)" in app.error[0].value


def test_drug_parameter_opens_monograph_by_brand(app: AppTest) -> None:
    app.query_params["drug"] = "Priadel"
    app.run()
    assert not app.exception
    assert app.title[0].value == "Lithium"
    assert [h.value for h in app.header] == [
        "How it works", "Prescribing in practice", "Monitoring", "Counselling the patient", "Evidence & guidelines",
        "Related"]
    assert any("Dosing is not published here" in i.value for i in app.info)
    assert "Status: draft" in captions(app)
    assert app.query_params["drug"] in ("lithium", ["lithium"])


def test_related_links_open_that_drug(app: AppTest) -> None:
    app.query_params["drug"] = "lithium"
    app.run()
    app.button(key="rel-warfarin").click().run()
    assert app.title[0].value == "Warfarin"
    assert app.query_params["drug"] in ("warfarin", ["warfarin"])


def test_specialist_drug_is_marked(app: AppTest) -> None:
    app.query_params["drug"] = "besponsa"
    app.run()
    assert "CD22" in captions(app) and "conjugate (Specialist drug)" in captions(app)


def test_unknown_drug_parameter(app: AppTest) -> None:
    app.query_params["drug"] = "../../etc/passwd"
    app.run()
    assert not app.exception
    assert "is not in the corpus" in app.warning[0].value


def test_class_parameter_and_section_comparison(app: AppTest) -> None:
    app.query_params["class"] = "mood stabilisers"
    app.run()
    assert app.title[0].value == "Drug classes"
    assert "Medicines that prevent relapse in bipolar disorder." in markdown(app)
    app.selectbox(key="class_section").set_value("monitoring").run()
    assert "- Serum lithium levels, renal function and thyroid function at regular intervals." in markdown(app)
    assert app.query_params["class"] in ("Mood stabilisers", ["Mood stabilisers"])


def test_unknown_class_parameter(app: AppTest) -> None:
    app.query_params["class"] = "Potions"
    app.run()
    assert not app.exception
    assert any("not a class in the corpus" in w.value for w in app.warning)


def test_drug_picker_finds_brand(app: AppTest) -> None:
    # Typed misspellings go through Engine.find (tested in test_engine); AppTest can only pick listed options.
    app.run()
    app.selectbox(key="drug_pick").set_value("Fosamax — alendronic acid").run()
    assert app.title[0].value == "Alendronic acid"


def test_educator_mode_examples_and_explainer(app: AppTest) -> None:
    app.run()
    app.toggle(key="educator").set_value(True).run()
    app.button(key="ex-Section answer").click().run()
    assert "### Inotuzumab ozogamicin (Besponsa) — Monitoring" in markdown(app)
    assert any(e.label == "How this answer was found" for e in app.expander)


def test_user_markup_is_escaped(app: AppTest) -> None:
    ask(app, "<script>alert(1)</script> [x](http://e.com) ![i](http://e.com/i.png)")
    assert not app.exception
    user = [str(m.value) for m in app.markdown if "script" in str(m.value)]
    assert user and all("\\<script\\>" in u and "\\[x\\]\\(" in u for u in user)


def test_missing_index_shows_banner_not_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLINCALC_INDEX_DIR", str(tmp_path / "nothing"))
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert not at.exception
    assert "run clincalc-search build" in at.error[0].value

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


def texts(at: AppTest) -> str:
    return "\n".join(str(m.value) for m in at.markdown) + "\n".join(str(c.value) for c in at.caption)


def test_question_shows_verbatim_section_with_references_and_status(app: AppTest) -> None:
    app.run()
    app.chat_input(key="chat").set_value("what should I monitor on Besponsa?").run()
    assert not app.exception
    body = "\n".join(str(m.value) for m in app.markdown)
    assert "Inotuzumab ozogamicin (Besponsa) — Monitoring" in body
    assert "- Liver function tests and full blood count before each dose." in body
    captions = "\n".join(str(c.value) for c in app.caption)
    assert "NICE TA541" in captions and "draft — not yet clinician-reviewed" in captions
    assert "Confirm all doses against the product SmPC" in captions
    assert app.query_params["q"] in ("what should I monitor on Besponsa?", ["what should I monitor on Besponsa?"])


def test_dose_question_shows_refusal(app: AppTest) -> None:
    app.run()
    app.chat_input(key="chat").set_value("how much besponsa for cycle 1").run()
    assert len(app.error) == 1
    assert "inotuzumab ozogamicin (Besponsa)" in app.error[0].value and "SmPC" in app.error[0].value


def test_q_parameter_answers_on_open(app: AppTest) -> None:
    app.query_params["q"] = "how does warfarin work"
    app.run()
    assert "Warfarin (Coumadin, Jantoven) — How it works" in texts(app)


def test_drug_parameter_opens_monograph_by_brand(app: AppTest) -> None:
    app.query_params["drug"] = "Priadel"
    app.run()
    assert not app.exception
    assert app.title[0].value == "Lithium"
    assert [s.value for s in app.subheader][:5] == [
        "How it works", "Prescribing in practice", "Monitoring", "Counselling the patient", "Evidence & guidelines"]
    assert any("Dosing is not published here" in i.value for i in app.info)


def test_unknown_drug_parameter(app: AppTest) -> None:
    app.query_params["drug"] = "../../etc/passwd"
    app.run()
    assert not app.exception
    assert "is not in the corpus" in app.warning[0].value


def test_class_parameter(app: AppTest) -> None:
    app.query_params["class"] = "Anticoagulants"
    app.run()
    assert app.title[0].value == "Drug classes"
    assert "Medicines that reduce blood clotting" in texts(app)


def test_user_markup_is_escaped(app: AppTest) -> None:
    app.run()
    app.chat_input(key="chat").set_value("<script>alert(1)</script> [x](http://e.com)").run()
    assert not app.exception
    user = [str(m.value) for m in app.markdown if "script" in str(m.value)]
    assert user and all("\\<script\\>" in u for u in user)


def test_missing_index_shows_banner_not_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLINCALC_INDEX_DIR", str(tmp_path / "nothing"))
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert not at.exception
    assert "run clincalc-search build" in at.error[0].value

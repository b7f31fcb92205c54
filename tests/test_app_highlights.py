"""Highlighted answers in the app: the answering line is marked, the copy control and the page text stay plain."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from clincalc_search.embedding import FakeEncoder
from clincalc_search.highlight_markdown import BACKGROUND
from clincalc_search.index_store import build_index
from clincalc_search.settings import load_settings

from .conftest import APP

QUESTION = "what should I tell patients about black stools on warfarin"
LINE = "Report black stools, blood in urine or unusual bruising."
MARKED = f":color[{LINE}]{{"


@pytest.fixture
def app(app: AppTest) -> AppTest:  # the shared app fixture, with the question already asked
    at = app
    at.run()
    return at.chat_input(key="chat").set_value(QUESTION).run()


def test_answer_renders_its_highlight_and_copy_text_is_plain(app: AppTest) -> None:
    assert not app.exception
    shown = [str(m.value) for m in app.markdown if LINE in str(m.value)]
    assert any(f"- {MARKED}" in v and BACKGROUND in v for v in shown)  # the bullet marker stays outside
    copies = [c.value for c in app.code if LINE in c.value]
    assert copies and all(c.endswith(f"\n- {LINE}") and ":color[" not in c for c in copies)


def test_monograph_opened_from_the_answer_keeps_the_highlight(app: AppTest) -> None:
    app.button(key="open-m0-0").click().run()
    assert not app.exception
    assert app.title[0].value == "Warfarin"
    marked = [str(m.value) for m in app.markdown if MARKED in str(m.value)]
    assert len(marked) == 1 and marked[0].startswith("- Carry the anticoagulant alert card")


def test_monograph_opened_otherwise_has_no_highlight() -> None:
    s = load_settings()
    build_index(s.corpus_dir, s.index_dir, FakeEncoder(), progress=False)
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params["drug"] = "warfarin"
    at.run()
    assert not at.exception and not any(":color[" in str(m.value) for m in at.markdown)

"""The Streamlit app through AppTest: every view and every URL parameter."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from clincalc_search.display import SOMETHING_WRONG

from .conftest import APP


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
    assert "## Inotuzumab ozogamicin (Besponsa) — Monitoring" in markdown(app)
    assert "- Liver function tests and full blood count before each dose.\n- Watch for" in markdown(app)
    assert "NICE TA541" in captions(app) and "Status: draft" in captions(app)
    assert "Confirm all doses against the product SmPC" in captions(app)
    assert app.query_params["q"] in ("what should I monitor on Besponsa?", ["what should I monitor on Besponsa?"])
    # The copy control holds the section unaltered.
    assert any(c.value.startswith("- Liver function tests") for c in app.code)


def shown_texts(at: AppTest) -> list[str]:
    """Every string on the page, whatever element shows it."""
    kinds = ("markdown", "caption", "warning", "error", "info", "success", "title", "header", "subheader",
             "code", "text", "json")
    return [str(e.value) for kind in kinds for e in getattr(at, kind)]


def test_dose_question_shows_the_refusal_once_with_a_copy_control(app: AppTest) -> None:
    ask(app, "how much besponsa for cycle 1")
    assert not app.exception
    assert "⛔ **Dose question — not answered.**" in markdown(app)
    # The message appears once on the page, and that once is the code block, whose copy button copies it.
    holding = [t for t in shown_texts(app) if "Confirm the dose of inotuzumab ozogamicin" in t]
    assert len(holding) == 1, holding
    refusal = [c.value for c in app.code]
    assert holding == refusal and "inotuzumab ozogamicin (Besponsa)" in refusal[0] and "SmPC" in refusal[0]


def test_follow_up_uses_the_previous_drug(app: AppTest) -> None:
    ask(app, "what should I monitor on Besponsa?")
    app.chat_input(key="chat").set_value("and how does it work?").run()
    assert "## Inotuzumab ozogamicin (Besponsa) — How it works" in markdown(app)


def test_abstention_shows_what_the_corpus_covers(app: AppTest) -> None:
    ask(app, "what is the capital of France")
    assert any("covers" in w.value for w in app.warning)


def test_q_parameter_answers_on_open(app: AppTest) -> None:
    app.query_params["q"] = "how does warfarin work"
    app.run()
    assert "## Warfarin (Coumadin, Jantoven) — How it works" in markdown(app)


def test_dose_question_via_q_parameter_is_refused(app: AppTest) -> None:
    app.query_params["q"] = "warfarin dose"
    app.run()
    assert "Dose question — not answered." in markdown(app)
    assert len(app.code) == 1 and "warfarin (Coumadin, Jantoven)" in app.code[0].value


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
    assert "## Inotuzumab ozogamicin (Besponsa) — Monitoring" in markdown(app)
    assert any(e.label == "How this answer was found" for e in app.expander)


# Issue 15 item 7: text a user typed must be inert wherever it is echoed. Markdown escaping is not enough
# (Streamlit autolinks bare URLs after parsing), so echoes must never reach a Markdown element at all.
LIVE_URL = "http://2130706433:8999/login"
HOSTILE_TEXTS = [
    f"warfarin monitoring, guidance at {LIVE_URL}",
    "warfarin\n===",
    "warfarin :material/warning: :red[alarm] www.example.org a@example.org",
    "<script>alert(1)</script> [x](http://e.com) ![i](http://e.com/i.png)",
]
_LIVE_MARKERS = ("http", "www.", "@example", ":material", ":red[", "===", "<script", "](")


def markdown_texts(at: AppTest) -> list[str]:
    """Every string handed to a Markdown-rendering element."""
    kinds = ("markdown", "caption", "warning", "error", "info", "success", "title", "header", "subheader")
    return [str(e.value) for kind in kinds for e in getattr(at, kind)]


def assert_inert(at: AppTest, typed: str, echoed: bool = True) -> None:
    assert not at.exception, at.exception
    leaked = [t for t in markdown_texts(at) if any(m in t and m in typed for m in _LIVE_MARKERS)]
    assert leaked == [], f"user text reached Markdown: {leaked}"
    if echoed:  # still shown, as plain text
        plain = [str(t.value) for t in at.text]
        assert any(typed.split()[-1] in t for t in plain), plain


def type_into_find_a_drug(at: AppTest, monkeypatch: pytest.MonkeyPatch, typed: str) -> AppTest:
    """Submit a name that is not one of the options, as the browser does when accept_new_options is on
    (AppTest itself only sends listed options)."""
    from streamlit.proto.WidgetStates_pb2 import WidgetState
    from streamlit.testing.v1.element_tree import Selectbox

    def as_typed(self: Selectbox) -> WidgetState:
        state = WidgetState(id=self.id)
        if self.value is not None:
            state.string_value = str(self.value)
        return state

    monkeypatch.setattr(Selectbox, "_widget_state", property(as_typed))
    return at.selectbox(key="drug_pick").set_value(typed).run()


@pytest.mark.parametrize("typed", HOSTILE_TEXTS)
def test_chat_echo_is_plain_text(app: AppTest, typed: str) -> None:
    ask(app, typed)
    assert_inert(app, typed)
    assert any(t.value == typed for t in app.text)  # the bubble shows the question exactly as typed


@pytest.mark.parametrize("typed", HOSTILE_TEXTS)
def test_q_parameter_echo_is_plain_text(app: AppTest, typed: str) -> None:
    app.query_params["q"] = typed
    app.run()
    assert_inert(app, typed)


@pytest.mark.parametrize("typed", HOSTILE_TEXTS)
def test_drug_parameter_echo_is_plain_text(app: AppTest, typed: str) -> None:
    app.query_params["drug"] = typed
    app.run()
    # A name that still reads as a drug ("warfarin\n===") opens its page; anything else is echoed, inert.
    opened = bool(app.title) and app.title[0].value == "Warfarin"
    assert_inert(app, typed, echoed=not opened)
    assert opened or any("is not in the corpus" in w.value for w in app.warning)


@pytest.mark.parametrize("typed", HOSTILE_TEXTS)
def test_class_parameter_echo_is_plain_text(app: AppTest, typed: str) -> None:
    app.query_params["class"] = typed
    app.run()
    assert_inert(app, typed)
    assert any("is not a class" in w.value for w in app.warning)


def test_find_a_drug_echo_is_plain_text(app: AppTest, monkeypatch: pytest.MonkeyPatch) -> None:
    app.run()
    typed = HOSTILE_TEXTS[0].replace("warfarin monitoring", "zzz")
    type_into_find_a_drug(app, monkeypatch, typed)
    assert_inert(app, typed)
    assert any("is not a drug in the corpus" in w.value for w in app.warning)


def test_find_a_drug_caps_what_it_processes(app: AppTest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 15 item 10: 24k typed characters cost 12.5 s of recognition; only the first 100 are looked at."""
    from clincalc_search.engine import Engine

    seen: list[str] = []
    original = Engine.find
    monkeypatch.setattr(Engine, "find", lambda self, text: seen.append(text) or original(self, text))
    app.run()
    type_into_find_a_drug(app, monkeypatch, "x" * 24_000)
    assert not app.exception
    assert seen and max(map(len, seen)) == 100
    assert any("Only the first 100 characters" in w.value for w in app.warning)
    assert all(len(t.value) < 300 for t in app.text)  # the echo is shortened too


def test_find_a_drug_says_when_a_found_name_was_cut(app: AppTest, monkeypatch: pytest.MonkeyPatch) -> None:
    app.run()
    type_into_find_a_drug(app, monkeypatch, "warfarin " + "y" * 200)
    assert not app.exception
    assert app.title[0].value == "Warfarin"
    assert any("Only the first 100 characters" in w.value for w in app.warning)


def test_chat_input_is_capped(app: AppTest) -> None:
    app.run()
    box = app.chat_input(key="chat")
    assert box.proto.max_chars == 2000
    box.set_value("warfarin " * 1000).run()
    assert not app.exception
    assert all(len(t.value) <= 2000 for t in app.text)


def test_corpus_images_are_never_rendered(app: AppTest, monkeypatch: pytest.MonkeyPatch) -> None:
    """A Markdown image in a section would make every viewer's browser fetch its URL."""
    from clincalc_search.engine import Engine

    original = Engine.monograph

    def with_image(self: Engine, name: str):  # type: ignore[no-untyped-def]
        m = original(self, name)
        if m is None:
            return None
        leaky = [x.model_copy(update={"text": x.text + "\n\n![x](http://127.0.0.1:9/leak.png)"}) for x in m.sections]
        return m.model_copy(update={"sections": leaky})

    monkeypatch.setattr(Engine, "monograph", with_image)
    app.query_params["drug"] = "warfarin"
    app.run()
    assert not app.exception
    shown = [t for t in markdown_texts(app) if "leak.png" in t]
    assert shown and all("!\\[x]" in t for t in shown)  # the characters, not an image
    assert len(shown) == 6 and not app.get("image")


# Issue 15 item 2: no user-facing path shows a traceback.
SECRET = "/srv/secret/path.py line 42"


def test_engine_failure_shows_one_clear_message(app: AppTest, monkeypatch: pytest.MonkeyPatch) -> None:
    from clincalc_search.engine import Engine

    def broken(self: Engine, *args: object, **kwargs: object) -> None:
        raise RuntimeError(SECRET)

    monkeypatch.setattr(Engine, "ask", broken)
    ask(app, "what should I monitor on Besponsa?")
    assert not app.exception
    assert [e.value for e in app.error] == [SOMETHING_WRONG]
    assert not any(SECRET in t or "Traceback" in t for t in shown_texts(app))


def test_failing_drug_page_shows_one_clear_message(app: AppTest, monkeypatch: pytest.MonkeyPatch) -> None:
    from clincalc_search.engine import Engine

    def broken(self: Engine, name: str) -> None:
        raise KeyError(SECRET)

    monkeypatch.setattr(Engine, "monograph", broken)
    app.query_params["drug"] = "warfarin"
    app.run()
    assert not app.exception
    assert [e.value for e in app.error] == [SOMETHING_WRONG]
    assert not any(SECRET in t for t in shown_texts(app))


def test_failing_find_a_drug_callback_shows_one_clear_message(app: AppTest,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from clincalc_search.engine import Engine

    def broken(self: Engine, text: str) -> None:
        raise ValueError(SECRET)

    app.run()
    monkeypatch.setattr(Engine, "monograph", broken)
    app.selectbox(key="drug_pick").set_value("Fosamax — alendronic acid").run()
    assert not app.exception
    assert SOMETHING_WRONG in [w.value for w in app.warning]
    assert not any(SECRET in t for t in shown_texts(app))


def test_streamlit_hides_error_details() -> None:
    """The legacy `false` means "stacktrace" to current Streamlit; only "none" hides type, message and trace."""
    import tomllib

    from streamlit.config import ShowErrorDetailsConfigOptions as Options

    config = tomllib.loads((Path(APP).parent / ".streamlit" / "config.toml").read_text())
    value = config["client"]["showErrorDetails"]
    assert value == Options.NONE and not Options.is_false_variation(value)


def test_missing_index_shows_banner_not_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLINCALC_INDEX_DIR", str(tmp_path / "nothing"))
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert not at.exception
    assert "run clincalc-search build" in at.error[0].value

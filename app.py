"""ClinCalc search — Streamlit shell over the engine: ask, read a monograph, explore a class."""

from __future__ import annotations

import streamlit as st

from clincalc_search.display import DOSING_NOTICE, escape_markdown
from clincalc_search.engine import Engine
from clincalc_search.index_store import IndexError_
from clincalc_search.models import Answer, Hit, Monograph
from clincalc_search.settings import Settings, load_settings

st.set_page_config(page_title="ClinCalc search", page_icon="💊", layout="wide")

EXAMPLES = [
    "what should I monitor on Besponsa?",
    "how does warfarin work",
    "which drugs are antibody-drug conjugates",
    "how much besponsa for cycle 1",
    "what is the capital of France",
]


@st.cache_resource(show_spinner="Loading the search engine…")
def get_engine(settings_json: str) -> Engine:
    # One engine per server (per settings): read-only after loading, so sessions can share it.
    return Engine.load(Settings.model_validate_json(settings_json))


def show_status(m: Monograph) -> None:
    st.caption(f"References: {'; '.join(m.references)}  \nStatus: {m.status_text}")


def show_hit(engine: Engine, hit: Hit, key: str) -> None:
    m = engine.monographs[hit.drug]
    with st.container(border=True):
        st.caption(m.kicker + (" (Specialist drug)" if m.specialist else ""))
        brands = f" ({escape_markdown(m.brand_text)})" if m.brands else ""
        st.markdown(f"#### {escape_markdown(m.title)}{brands} — {hit.title}")
        st.markdown(hit.text)
        show_status(m)
        with st.expander("Copy section text"):
            st.code(hit.text, language=None, wrap_lines=True)
        if st.button("Open full monograph", key=f"open-{key}"):
            open_drug(m.name)


def show_answer(engine: Engine, answer: Answer, key: str) -> None:
    if answer.refused:
        st.error(answer.message or "", icon="⛔")
    elif answer.message and answer.hits:
        st.info(answer.message)
    elif answer.message:
        st.warning(answer.message)
    for i, hit in enumerate(answer.hits):
        show_hit(engine, hit, f"{key}-{i}")
    if answer.hits:
        st.caption(DOSING_NOTICE)
    if st.session_state.get("educator") and answer.trace:
        with st.expander("How this answer was found"):
            st.json({**answer.trace, "scores": [(h.drug, h.section, h.score) for h in answer.hits]})


def open_drug(name: str) -> None:
    st.session_state.view = "Drug"
    st.session_state.drug = name
    st.query_params.clear()
    st.query_params["drug"] = name
    st.rerun()


def view_chat(engine: Engine) -> None:
    st.title("ClinCalc search")
    st.caption("Ask about a drug: what it is, how it works, prescribing, monitoring, counselling or evidence. "
               "Answers are monograph sections shown exactly as written. " + DOSING_NOTICE)
    if "messages" not in st.session_state:
        st.session_state.messages = []
    for i, (question, answer) in enumerate(st.session_state.messages):
        with st.chat_message("user"):
            st.markdown(escape_markdown(question))
        with st.chat_message("assistant"):
            show_answer(engine, answer, f"m{i}")
    prompt = st.chat_input("Ask about a drug, e.g. what should I monitor on Besponsa?", key="chat")
    if prompt is None and "q" in st.query_params and not st.session_state.get("q_done"):
        prompt = st.query_params["q"]
        st.session_state.q_done = True
    if prompt:
        st.session_state.q_done = True  # the URL now echoes this question; do not answer it twice
        context = st.session_state.get("context_drug")
        answer = engine.ask(prompt, context_drug=context)
        if answer.drug:
            st.session_state.context_drug = answer.drug
        st.session_state.messages.append((prompt, answer))
        st.query_params.clear()
        st.query_params["q"] = prompt
        st.rerun()


def view_drug(engine: Engine) -> None:
    name = st.session_state.get("drug") or st.query_params.get("drug", "")
    m = engine.monograph(name) if name else None
    if m is None:
        st.title("Monograph")
        if name:
            st.warning(f"'{name}' is not in the corpus. Pick a drug from the list.")
        return
    st.query_params.clear()
    st.query_params["drug"] = m.name
    st.caption(m.kicker + (" (Specialist drug)" if m.specialist else ""))
    st.title(m.title)
    if m.brands:
        st.markdown(f"**Brands:** {escape_markdown(m.brand_text)}")
    st.markdown(m.section("overview").text)
    st.info(DOSING_NOTICE)
    for s in m.sections[1:]:
        st.subheader(s.title)
        st.markdown(s.text)
    show_status(m)
    related = [r for r in m.related if r in engine.monographs]
    same_class = [x.name for x in engine.members(m.drug_class) if x.name != m.name and x.name not in related]
    st.subheader("Related")
    cols = st.columns(3)
    for i, r in enumerate(related + same_class[: max(0, 5 - len(related))]):
        if cols[i % 3].button(r, key=f"rel-{r}"):
            open_drug(r)


def view_classes(engine: Engine) -> None:
    st.title("Drug classes")
    names = sorted(engine.classes)
    wanted = st.query_params.get("class")
    if wanted and wanted not in engine.classes:
        st.warning(f"'{wanted}' is not a class in the corpus.")
    index = names.index(wanted) if wanted in names else 0
    chosen = st.selectbox("Class", names, index=index, key="class_pick")
    section = st.selectbox("Section", ["overview", "how_it_works", "prescribing", "monitoring", "counselling",
                                       "evidence"], key="class_section")
    st.query_params.clear()
    st.query_params["class"] = chosen
    st.markdown(engine.classes[chosen].description)
    for m in engine.members(chosen):
        with st.container(border=True):
            st.markdown(f"#### {escape_markdown(m.title)}")
            st.caption(m.kicker)
            st.markdown(m.section(section).text)
            if st.button("Open monograph", key=f"cls-{m.name}"):
                open_drug(m.name)


def main() -> None:
    try:
        engine = get_engine(load_settings().model_dump_json())
    except IndexError_ as exc:
        st.error(f"The search index cannot be used: {exc}")
        st.stop()
    if "view" not in st.session_state:
        params = st.query_params
        st.session_state.view = "Drug" if "drug" in params else "Classes" if "class" in params else "Ask"
    with st.sidebar:
        st.radio("View", ["Ask", "Drug", "Classes"], key="view")
        picks = sorted(engine.monographs)
        pick = st.selectbox("Find a drug", [""] + picks, key="drug_pick",
                            format_func=lambda n: n and f"{n} ({engine.monographs[n].brand_text})".replace(" ()", ""))
        if pick and pick != st.session_state.get("drug"):
            open_drug(pick)
        st.toggle("Educator mode", key="educator")
        if st.session_state.educator:
            st.caption("Try:")
            for ex in EXAMPLES:
                st.code(ex, language=None)
    {"Ask": view_chat, "Drug": view_drug, "Classes": view_classes}[st.session_state.view](engine)


main()

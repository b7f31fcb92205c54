"""ClinCalc search — Streamlit shell over the engine: ask, read a monograph, explore a class."""

from __future__ import annotations

import hashlib
import uuid

import streamlit as st

from clincalc_search.display import DOSING_NOTICE, EDUCATOR_EXAMPLES, escape_markdown
from clincalc_search.engine import Engine
from clincalc_search.highlight_markdown import highlighted
from clincalc_search.index_store import IndexError_, read_manifest, stale_message
from clincalc_search.models import SECTION_TITLES, Answer, Hit, Monograph
from clincalc_search.settings import Settings, load_settings

st.set_page_config(page_title="ClinCalc search", page_icon="💊", layout="wide")

VIEWS = ["Ask", "Drug", "Classes"]
# Our own stylesheet for educator mode (never user or corpus text): larger type for a room.
EDUCATOR_CSS = "<style>.stMarkdown p, .stMarkdown li {font-size: 1.25rem; line-height: 1.6;}</style>"


@st.cache_resource(show_spinner="Loading the search engine (first time only)…", max_entries=2)
def get_engine(settings_json: str, build_id: str) -> Engine:
    # One engine per server, settings and build: read-only after loading, so sessions can share it, and a
    # rebuild (a new build id) is picked up without restarting the server.
    return Engine.load(Settings.model_validate_json(settings_json), allow_stale_corpus=True)


def current_build(settings: Settings) -> str:
    try:
        return read_manifest(settings.index_dir).build_id
    except IndexError_:
        return ""  # loading will raise the same error, shown as a banner


# -- navigation: callbacks run before the next script run, so they may set widget state -------------------

def go(view: str, drug: str | None = None, cls: str | None = None, question: str | None = None) -> None:
    st.session_state.view = view
    if drug is not None:
        st.session_state.drug = drug
    if cls is not None:
        st.session_state.class_pick = cls
    if question is not None:
        st.session_state.pending = question


def pick_drug(engine: Engine) -> None:
    typed = st.session_state.get("drug_pick")
    if not typed:
        return
    m = engine.monograph(typed.split(" — ")[-1]) or engine.find(typed)
    st.session_state.drug_pick = None
    if m is None:
        st.session_state.notice = f"'{typed}' is not a drug in the corpus."
        return
    go("Drug", drug=m.name)


# -- pieces -----------------------------------------------------------------------------------------

def drug_heading(m: Monograph, level: str = "###", suffix: str = "") -> None:
    st.caption(escape_markdown(m.kicker) + (" (Specialist drug)" if m.specialist else ""))
    brands = f" ({escape_markdown(m.brand_text)})" if m.brands else ""
    st.markdown(f"{level} {escape_markdown(m.title)}{brands}{suffix}")


def provenance(m: Monograph) -> None:
    st.caption(f"References: {escape_markdown('; '.join(m.references))}  \nStatus: {m.status_text}")


def send_report(m: Monograph, key: str, section: str | None, question: str | None) -> None:
    from clincalc_search.reports import ReportRejected, ReportStore

    section = st.session_state.get(f"report-section-{key}", section)
    # The hash pins the report to the text the reader saw (a snapshot from before body hashes: the file's).
    content = (hashlib.sha256(m.section(section).text.encode()).hexdigest() if section
               else m.body_sha256 or m.sha256)
    session_id = st.session_state.setdefault("session_id", uuid.uuid4().hex)
    try:
        report = ReportStore(load_settings().data_dir).add(
            drug=m.name, section=section, content_sha256=content, question=question, session_id=session_id,
            text=st.session_state.get(f"report-text-{key}") or "")
    except ReportRejected as exc:
        st.session_state[f"report-result-{key}"] = ("warning", str(exc))
        return
    st.session_state[f"report-text-{key}"] = ""
    st.session_state[f"report-result-{key}"] = ("success", f"Thank you: report #{report.id} was recorded for the "
                                                           "editorial team.")


def report_control(m: Monograph, key: str, section: str | None = None, question: str | None = None) -> None:
    """A short free-text report about a section or a whole monograph. What a reader writes is stored, never
    shown back: only our own messages are rendered."""
    from clincalc_search.reports import MAX_REPORT_CHARS

    with st.popover("Report a problem"):
        if section is None:
            st.selectbox("About", [None, *[s.key for s in m.sections]], key=f"report-section-{key}",
                         format_func=lambda k: "the whole monograph" if k is None else SECTION_TITLES[k])
        st.text_area("What is wrong with this text?", max_chars=MAX_REPORT_CHARS, key=f"report-text-{key}",
                     help="Read by the editorial team. Do not include patient details.")
        st.button("Send report", key=f"report-send-{key}", on_click=send_report, args=(m, key, section, question))
        if result := st.session_state.get(f"report-result-{key}"):
            (st.success if result[0] == "success" else st.warning)(result[1])


def open_marked(drug: str, section: str, spans: list[tuple[int, int]]) -> None:
    """Open a monograph from an answer, keeping the lines the question pointed to in that section."""
    st.session_state.marked = (drug, section, spans)
    go("Drug", drug)


def show_hit(engine: Engine, hit: Hit, key: str, question: str | None = None) -> None:
    m = engine.monographs[hit.drug]
    with st.container(border=True):
        drug_heading(m, suffix=f" — {hit.title}")
        # Verbatim section, the answering lines highlighted; Streamlit never renders raw HTML here.
        st.markdown(highlighted(hit.text, hit.highlights))
        provenance(m)
        left, right = st.columns([1, 3])
        left.button("Open full monograph", key=f"open-{key}", on_click=open_marked,
                    args=(m.name, hit.section, hit.highlights))
        with right.expander("Copy section text"):
            st.code(hit.text, language=None, wrap_lines=True)
        report_control(m, key, section=hit.section, question=question)


def show_answer(engine: Engine, answer: Answer, key: str) -> None:
    if answer.refused:
        st.error(f"**Dose question — not answered.** {answer.message}", icon="⛔")
        st.code(answer.message or "", language=None, wrap_lines=True)
    elif answer.message and answer.hits:
        st.info(answer.message)
    elif answer.message:
        st.warning(answer.message)
    for i, hit in enumerate(answer.hits):
        show_hit(engine, hit, f"{key}-{i}", question=answer.question)
    if answer.hits:
        st.caption(DOSING_NOTICE)
    if st.session_state.get("educator") and answer.trace:
        with st.expander("How this answer was found"):
            st.json({**answer.trace, "scores": [[h.drug, h.section, h.score] for h in answer.hits]})


# -- views ------------------------------------------------------------------------------------------

def view_ask(engine: Engine) -> None:
    st.title("ClinCalc search")
    st.caption("Ask about a drug: what it is, how it works, prescribing, monitoring, counselling or evidence. "
               "Answers are monograph sections shown exactly as written. " + DOSING_NOTICE)
    messages: list[tuple[str, Answer]] = st.session_state.setdefault("messages", [])
    prompt = st.chat_input("Ask about a drug, e.g. what should I monitor on Besponsa?", key="chat")
    prompt = prompt or st.session_state.pop("pending", None)
    if prompt:
        answer = engine.ask(prompt, context_drug=st.session_state.get("context_drug"))
        if answer.drug:
            st.session_state.context_drug = answer.drug  # follow-ups ("and the monitoring?") stay on it
        messages.append((prompt, answer))
    for i, (question, answer) in enumerate(messages):
        with st.chat_message("user"):
            st.markdown(escape_markdown(question))
        with st.chat_message("assistant"):
            show_answer(engine, answer, f"m{i}")
    st.query_params.from_dict({"q": messages[-1][0]} if messages else {})


def view_drug(engine: Engine) -> None:
    name = st.session_state.get("drug") or ""
    m = engine.monograph(name) if name else None
    if m is None:
        st.title("Monograph")
        if name:
            st.warning(f"'{escape_markdown(name)}' is not in the corpus. Find a drug in the sidebar.")
        else:
            st.info("Find a drug in the sidebar by generic or brand name.")
        return
    st.query_params.from_dict({"drug": m.name})
    st.caption(escape_markdown(m.kicker) + (" (Specialist drug)" if m.specialist else ""))
    st.title(m.title)
    if m.brands:
        st.markdown(f"**Brand names:** {escape_markdown(m.brand_text)}")
    # Opened from an answer: the lines its question pointed to stay highlighted in their section.
    marked = st.session_state.get("marked")
    spans = {marked[1]: marked[2]} if marked and marked[0] == m.name else {}
    st.markdown(highlighted(m.section("overview").text, spans.get("overview", [])))
    st.info(DOSING_NOTICE)
    for s in m.sections[1:]:
        st.header(s.title, divider="gray")
        st.markdown(highlighted(s.text, spans.get(s.key, [])))
    provenance(m)
    st.caption(f"File last changed: {m.modified_text}")
    report_control(m, f"drug-{m.name}")
    st.header("Related", divider="gray")
    related = [r for r in m.related if r in engine.monographs]
    fallback = [x.name for x in engine.members(m.drug_class) if x.name != m.name and x.name not in related]
    links = related + fallback[: max(0, 5 - len(related))]
    cols = st.columns(min(len(links), 5) or 1)
    for i, name in enumerate(links):
        label = name if name in related else f"{name} (same class)"
        cols[i % len(cols)].button(label, key=f"rel-{name}", on_click=go, args=("Drug", name))
    st.button(f"Explore the class: {m.drug_class}", key="to-class", on_click=go,
              args=("Classes", None, m.drug_class))


def view_classes(engine: Engine) -> None:
    st.title("Drug classes")
    names = sorted(engine.classes)
    if st.session_state.get("class_pick") not in names:
        st.session_state.class_pick = names[0]
    left, right = st.columns(2)
    chosen = left.selectbox("Class", names, key="class_pick")
    section = right.selectbox("Section to compare", list(SECTION_TITLES), key="class_section",
                              format_func=lambda k: SECTION_TITLES[k])
    st.query_params.from_dict({"class": chosen})
    st.markdown(engine.classes[chosen].description)
    members = engine.members(chosen)
    st.caption(f"{SECTION_TITLES[section]} for each member, side by side:")
    per_row = 3
    for start in range(0, len(members), per_row):
        cols = st.columns(per_row)
        for col, m in zip(cols, members[start : start + per_row], strict=False):
            with col.container(border=True):
                drug_heading(m, level="####")
                st.markdown(m.section(section).text)
                st.button("Open monograph", key=f"cls-{m.name}", on_click=go, args=("Drug", m.name))
    with st.expander("All classes and their members"):
        for name in names:
            st.markdown(f"**{escape_markdown(name)}**: "
                        + escape_markdown(", ".join(x.name for x in engine.members(name))))


# -- page -------------------------------------------------------------------------------------------

def first_view(engine: Engine) -> None:
    """Open the view a shared URL names: ?q=, ?drug= or ?class=."""
    params = st.query_params
    st.session_state.view = "Ask"
    if "drug" in params:
        st.session_state.view = "Drug"
        st.session_state.drug = params["drug"]
    elif "class" in params:
        st.session_state.view = "Classes"
        wanted = params["class"]
        match = next((c for c in engine.classes if c.casefold() == wanted.casefold()), None)
        if match:
            st.session_state.class_pick = match
        else:
            st.session_state.notice = f"'{wanted}' is not a class in the corpus."
    elif "q" in params:
        st.session_state.pending = params["q"]


def sidebar(engine: Engine) -> None:
    with st.sidebar:
        st.radio("View", VIEWS, key="view", horizontal=True)
        labels = sorted(engine.monographs) + sorted(
            f"{b} — {m.name}" for m in engine.monographs.values() for b in m.brands)
        st.selectbox("Find a drug (generic or brand)", labels, index=None, key="drug_pick",
                     placeholder="Type a name…", accept_new_options=True, on_change=pick_drug, args=(engine,))
        st.toggle("Educator mode", key="educator")
        if st.session_state.get("educator"):
            st.caption("Example questions: each shows one capability.")
            for label, question in EDUCATOR_EXAMPLES:
                st.button(f"{label}: {question}", key=f"ex-{label}", on_click=go,
                          args=("Ask", None, None, question))


def main() -> None:
    try:
        settings = load_settings()
        engine = get_engine(settings.model_dump_json(), current_build(settings))
    except IndexError_ as exc:
        st.error(f"The search index cannot be used: {exc}")
        st.stop()
    if engine.stale:
        st.warning(f"Showing the monographs as last indexed ({engine.manifest.built_at}): the "
                   f"{stale_message(engine.stale)}.")
    if "view" not in st.session_state:
        first_view(engine)
    sidebar(engine)
    if st.session_state.get("educator"):
        st.html(EDUCATOR_CSS)
    if notice := st.session_state.pop("notice", None):
        st.warning(escape_markdown(notice))
    {"Ask": view_ask, "Drug": view_drug, "Classes": view_classes}[st.session_state.view](engine)


main()

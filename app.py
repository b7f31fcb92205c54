"""ClinCalc search — Streamlit shell over the engine: ask, read a monograph, explore a class."""

from __future__ import annotations

import hashlib
import json
import logging
import uuid

import streamlit as st

from clincalc_search import preload
from clincalc_search.display import (
    DOSING_NOTICE,
    EDUCATOR_EXAMPLES,
    MAX_NAME_CHARS,
    NAME_TRUNCATED,
    REFUSAL_TITLE,
    SOMETHING_WRONG,
    cap_name,
    echo,
    escape_markdown,
    inert_images,
)
from clincalc_search.engine import Engine
from clincalc_search.highlight_markdown import highlighted
from clincalc_search.index_store import IndexError_, read_manifest, stale_message
from clincalc_search.models import COUNTRIES, SECTION_TITLES, Answer, Hit, Monograph
from clincalc_search.settings import Settings, load_settings

st.set_page_config(page_title="ClinCalc search", page_icon="💊", layout="wide")

log = logging.getLogger("clincalc_search.app")

VIEWS = ["Ask", "Drug", "Classes"]
# Our own stylesheets (never user or corpus text). The refusal is one red panel whose only copy of the
# message is the copyable code block, set in the body font. Captions are darker than Streamlit's grey
# (3.9:1, below WCAG AA); cards title their drug with h2 (h1 is the page) set at card size. A code block's
# copy button is shown always, not only on hover: hidden, it cannot be reached with the keyboard. Focus is a
# solid blue ring (8:1 on white) instead of Streamlit's translucent pink one (about 2:1).
APP_CSS = """<style>
[class*="st-key-refusal-"] {background: #fdecea; border: 1px solid #b3261e; border-radius: 0.5rem;
  padding: 0.75rem 1rem;}
[class*="st-key-refusal-"] p {color: #7a1b14; margin: 0;}
[class*="st-key-refusal-"] pre, [class*="st-key-refusal-"] code {background: transparent !important;
  color: #3b0c09 !important; font-family: inherit !important; font-size: 1rem !important;
  padding: 0 2.5rem 0 0 !important;}
[data-testid="stCaptionContainer"] {color: #5b5a58; opacity: 1;}
[data-testid="stCode"] > div:has([data-testid="stElementToolbarButton"]) {opacity: 1 !important;
  visibility: visible !important;}
[data-testid="stCode"] pre {padding-right: 3rem !important;}
button:focus-visible, a:focus-visible, summary:focus-visible {outline: 3px solid #1f4e9c !important;
  outline-offset: 2px;}
[class*="st-key-card-"] h2 {font-size: 1.3rem; padding-top: 0.25rem;}
</style>"""
# Educator mode: larger type for a room.
EDUCATOR_CSS = "<style>.stMarkdown p, .stMarkdown li {font-size: 1.25rem; line-height: 1.6;}</style>"


@st.cache_resource(show_spinner="Loading the search engine (first time only)…", max_entries=2)
def get_engine(settings_json: str, build_id: str) -> Engine:
    # One engine per server, settings and build: read-only after loading, so sessions can share it, and a
    # rebuild (a new build id) is picked up without restarting the server.
    return preload.take(settings_json, build_id) or Engine.load(
        Settings.model_validate_json(settings_json), allow_stale_corpus=True)


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
    st.session_state.drug_pick = None
    # Callbacks run outside the page's own error handling: a failure here gets the same single message.
    try:
        name, cut = cap_name(typed)  # before any recognition: its cost grows with the length typed
        m = engine.monograph(name.split(" — ")[-1]) or engine.find(name)
    except Exception:
        log.exception("finding a typed drug name failed")
        st.session_state.notice = (SOMETHING_WRONG, None)
        return
    if m is None:
        st.session_state.notice = ("That name is not a drug in the corpus." + (f" {NAME_TRUNCATED}" if cut else ""),
                                   typed)
        return
    if cut:
        st.session_state.notice = (NAME_TRUNCATED, None)
    go("Drug", drug=m.name)


# -- pieces -----------------------------------------------------------------------------------------

def drug_heading(m: Monograph, level: str = "##", suffix: str = "") -> None:
    st.caption(escape_markdown(m.kicker) + (" (Specialist drug)" if m.specialist else ""))
    brands = f" ({escape_markdown(m.brand_text)})" if m.brands else ""
    st.markdown(f"{level} {escape_markdown(m.title)}{brands}{suffix}")


def notice(message: str, typed: str | None = None) -> None:
    """A warning in our own words; what the user typed is repeated below it as plain text. Markdown would
    autolink a URL in it, turn `===` into a heading or `:material/x:` into an icon."""
    st.warning(message)
    if typed is not None:
        st.text(f"You entered: {echo(typed)}")


def section_text(text: str, spans: list[tuple[int, int]] | None = None) -> None:
    """A verbatim corpus section (or description) as Markdown, the given spans highlighted, never fetching an
    image it names."""
    st.markdown(inert_images(highlighted(text, spans or [])))  # Streamlit never renders raw HTML here


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
    with st.container(border=True, key=f"card-{key}"):
        drug_heading(m, suffix=f" — {hit.title}")
        section_text(hit.text, hit.highlights)  # the answering lines highlighted
        provenance(m)
        left, right = st.columns([1, 3])
        left.button("Open full monograph", key=f"open-{key}", on_click=open_marked,
                    args=(m.name, hit.section, hit.highlights))
        with right.expander("Copy section text"):
            st.code(hit.text, language=None, wrap_lines=True)
        report_control(m, key, section=hit.section, question=question)


def show_answer(engine: Engine, answer: Answer, key: str) -> None:
    if answer.refused:
        # Shown once: the message is the code block itself, so its copy button is the copy control.
        with st.container(key=f"refusal-{key}"):
            st.markdown(f"⛔ **{REFUSAL_TITLE}**")
            st.code(answer.message or "", language=None, wrap_lines=True)
    elif answer.message and answer.hits:
        st.info(inert_images(answer.message))  # a class answer quotes the class description
    elif answer.message:
        st.warning(inert_images(answer.message))
    for i, hit in enumerate(answer.hits):
        show_hit(engine, hit, f"{key}-{i}", question=answer.question)
    if answer.hits:
        st.caption(DOSING_NOTICE)
    if st.session_state.get("educator") and answer.trace:
        with st.expander("How this answer was found"):
            # Plain text, not st.json: its viewer's colours fail WCAG contrast (3.2:1) on a projector.
            trace = {**answer.trace, "scores": [[h.drug, h.section, h.score] for h in answer.hits]}
            lines = (f"{name}: {json.dumps(value, ensure_ascii=False)}" for name, value in trace.items())
            st.code("\n".join(lines), language=None, wrap_lines=True)


# -- views ------------------------------------------------------------------------------------------

def view_ask(engine: Engine) -> None:
    st.title("ClinCalc search")
    st.caption("Ask about a drug: what it is, how it works, prescribing, monitoring, counselling or evidence. "
               "Answers are monograph sections shown exactly as written. " + DOSING_NOTICE)
    messages: list[tuple[str, Answer]] = st.session_state.setdefault("messages", [])
    prompt = st.chat_input("Ask about a drug, e.g. what should I monitor on Besponsa?", key="chat",
                           max_chars=engine.settings.max_question_chars)
    prompt = prompt or st.session_state.pop("pending", None)
    if prompt:
        answer = engine.ask(prompt, context_drug=st.session_state.get("context_drug"))
        if answer.drug:
            st.session_state.context_drug = answer.drug  # follow-ups ("and the monitoring?") stay on it
        messages.append((prompt, answer))
    for i, (question, answer) in enumerate(messages):
        with st.chat_message("user"):
            st.text(question)  # never Markdown: a typed URL must not become a link
        with st.chat_message("assistant"):
            show_answer(engine, answer, f"m{i}")
    st.query_params.from_dict({"q": messages[-1][0]} if messages else {})


def view_drug(engine: Engine) -> None:
    name = st.session_state.get("drug") or ""
    m = engine.monograph(name) if name and len(name) <= MAX_NAME_CHARS else None
    if m is None:
        st.title("Monograph")
        if name:
            notice("That name is not in the corpus. Find a drug in the sidebar.", name)
        else:
            st.info("Find a drug in the sidebar by generic or brand name.")
        return
    st.query_params.from_dict({"drug": m.name})
    st.caption(escape_markdown(m.kicker) + (" (Specialist drug)" if m.specialist else ""))
    st.title(m.title)
    if m.brands:
        st.markdown(f"**Brand names:** {escape_markdown(m.brand_text)}")
    if m.brands_abroad:
        abroad = "; ".join(f"{COUNTRIES[lang]}: {', '.join(names)}" for lang, names in m.brands_abroad.items())
        st.caption(f"Brands elsewhere — {escape_markdown(abroad)}")
    # Opened from an answer: the lines its question pointed to stay highlighted in their section.
    marked = st.session_state.get("marked")
    spans = {marked[1]: marked[2]} if marked and marked[0] == m.name else {}
    section_text(m.section("overview").text, spans.get("overview", []))
    st.info(DOSING_NOTICE)
    for s in m.sections[1:]:
        st.header(s.title, divider="gray")
        section_text(s.text, spans.get(s.key, []))
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
    section_text(engine.classes[chosen].description)
    members = engine.members(chosen)
    st.caption(f"{SECTION_TITLES[section]} for each member, side by side:")
    per_row = 3
    for start in range(0, len(members), per_row):
        cols = st.columns(per_row)
        for col, m in zip(cols, members[start : start + per_row], strict=False):
            with col.container(border=True, key=f"card-cls-{m.name}"):
                drug_heading(m)
                section_text(m.section(section).text)
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
            st.session_state.notice = ("That name is not a class in the corpus.", wanted)
    elif "q" in params:
        st.session_state.pending = params["q"]


def sidebar(engine: Engine) -> None:
    with st.sidebar:
        st.radio("View", VIEWS, key="view", horizontal=True)
        labels = sorted(engine.monographs) + sorted(
            f"{b} — {m.name}" for m in engine.monographs.values() for b in [*m.brands, *m.names_abroad])
        st.selectbox("Find a drug (generic or brand)", labels, index=None, key="drug_pick",
                     placeholder="Type a name…", accept_new_options=True, on_change=pick_drug, args=(engine,))
        st.toggle("Educator mode", key="educator")
        if st.session_state.get("educator"):
            st.caption("Example questions: each shows one capability.")
            for label, question in EDUCATOR_EXAMPLES:
                st.button(f"{label}: {question}", key=f"ex-{label}", on_click=go,
                          args=("Ask", None, None, question))


def main() -> None:
    st.html(APP_CSS)
    try:
        page()
    except Exception:
        # A bug must not show paths or source lines (nor should Streamlit: showErrorDetails = "none"):
        # one message on the page, the traceback in the server log.
        log.exception("the page failed")
        st.error(SOMETHING_WRONG)


def page() -> None:
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
    if st.session_state.get("educator"):
        st.html(EDUCATOR_CSS)
    if pending := st.session_state.pop("notice", None):
        notice(*pending)
    {"Ask": view_ask, "Drug": view_drug, "Classes": view_classes}[st.session_state.view](engine)
    # After the view: Streamlit sends elements in script order, so the answer is on screen before the sidebar's
    # drug list. The sidebar's widgets keep their state in st.session_state, which the view reads either way.
    sidebar(engine)


main()

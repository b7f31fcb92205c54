"""Report a problem from the app (AppTest), and what the Drug page says about review and file age."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from streamlit.testing.v1 import AppTest

from clincalc_search.corpus import parse_monograph
from clincalc_search.reports import RATE_LIMIT, ReportStore
from clincalc_search.settings import load_settings

# Markdown and HTML that would render as formatting or a live element if it were ever shown as Markdown.
HOSTILE = "**Wrong** <img src=x onerror=alert(1)> [link](http://x)"


def rendered(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [e.value for e in at.error]
    parts += [s.value for s in at.success] + [w.value for w in at.warning] + [i.value for i in at.info]
    return "\n".join(map(str, parts))


def stored() -> list:
    return ReportStore(load_settings().data_dir).all()


def send(at: AppTest, key: str, text: str) -> AppTest:
    at.text_area(key=f"report-text-{key}").input(text).run()
    return at.button(key=f"report-send-{key}").click().run()


def test_report_from_an_answer_card(app: AppTest) -> None:
    app.run()
    app.chat_input(key="chat").set_value("what should I monitor on Besponsa?").run()
    assert not app.exception
    send(app, "m0-0", HOSTILE)
    assert not app.exception
    [report] = stored()
    section = parse_monograph(load_settings().monographs_dir / "inotuzumab-ozogamicin.md")[0].section("monitoring")
    assert (report.drug, report.section, report.question) == (
        "inotuzumab ozogamicin", "monitoring", "what should I monitor on Besponsa?")
    assert report.content_sha256 == hashlib.sha256(section.text.encode()).hexdigest()
    assert report.text == HOSTILE and len(report.session_id) == 32
    assert any(f"report #{report.id} was recorded" in s.value for s in app.success)
    assert "Wrong" not in rendered(app) and "onerror" not in rendered(app)  # never shown back
    assert app.text_area(key="report-text-m0-0").value == ""  # cleared for the next report


def test_report_from_the_drug_page_whole_monograph_and_one_section(app: AppTest) -> None:
    app.query_params["drug"] = "lithium"
    app.run()
    key = "drug-lithium"
    assert app.selectbox(key=f"report-section-{key}").value is None
    send(app, key, "The contraindications are incomplete.")
    app.selectbox(key=f"report-section-{key}").set_value("monitoring").run()
    send(app, key, "Level timing should be stated.")
    assert not app.exception
    whole, one = stored()
    m = parse_monograph(load_settings().monographs_dir / "lithium.md")[0]
    assert (whole.drug, whole.section, whole.question) == ("lithium", None, None)
    assert whole.content_sha256 == m.body_sha256
    assert one.section == "monitoring"
    assert one.content_sha256 == hashlib.sha256(m.section("monitoring").text.encode()).hexdigest()
    assert whole.session_id == one.session_id  # one browser session


def test_rate_limit_is_shown_and_nothing_more_is_stored(app: AppTest) -> None:
    app.query_params["drug"] = "warfarin"
    app.run()
    for i in range(RATE_LIMIT + 1):
        send(app, "drug-warfarin", f"report {i}")
    assert len(stored()) == RATE_LIMIT
    assert any("5 reports in the last 10 minutes" in w.value for w in app.warning)
    assert app.text_area(key="report-text-drug-warfarin").value == f"report {RATE_LIMIT}"  # kept to send later


def test_an_empty_report_is_refused_with_a_message(app: AppTest) -> None:
    app.query_params["drug"] = "warfarin"
    app.run()
    app.button(key="report-send-drug-warfarin").click().run()
    assert stored() == [] and any("Write what is wrong" in w.value for w in app.warning)


def test_drug_page_shows_status_and_when_the_file_last_changed(app: AppTest) -> None:
    path = load_settings().monographs_dir / "warfarin.md"
    changed = datetime.fromtimestamp(path.stat().st_mtime, UTC).date().isoformat()
    app.query_params["drug"] = "warfarin"
    app.run()
    captions = [str(c.value) for c in app.caption]
    assert any(c.endswith("Status: draft") for c in captions)
    assert f"File last changed: {changed}" in captions

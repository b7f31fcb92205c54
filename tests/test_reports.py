"""Problem reports on a real SQLite file: limits, rate limit, append-only, concurrent writers, crashes, CLI."""

from __future__ import annotations

import csv
import io
import os
import signal
import sqlite3
import subprocess
import sys
import threading
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from clincalc_search.cli import main
from clincalc_search.reports import (
    MAX_REPORT_CHARS,
    RATE_LIMIT,
    REPORTS_FILE,
    RateLimited,
    ReportRejected,
    ReportStore,
)
from clincalc_search.settings import load_settings

from .conftest import ROOT

SHA = "a" * 64


def add(store: ReportStore, text: str = "The monitoring advice is out of date.", session: str = "s1",
        **kw: object) -> object:
    fields = {"drug": "warfarin", "section": "monitoring", "content_sha256": SHA, "question": "warfarin INR?"}
    fields.update(kw)
    return store.add(text=text, session_id=session, **fields)  # type: ignore[arg-type]


@pytest.fixture
def store(tmp_path: Path) -> ReportStore:
    return ReportStore(tmp_path / "data")


def test_a_report_is_stored_with_its_context(store: ReportStore) -> None:
    report = add(store)
    [stored] = store.all()
    assert stored == report
    assert (stored.drug, stored.section, stored.content_sha256, stored.question) == (
        "warfarin", "monitoring", SHA, "warfarin INR?")
    created = datetime.fromisoformat(stored.created_at)
    assert created.tzinfo is not None and abs(datetime.now(UTC) - created) < timedelta(minutes=1)
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_settings_put_the_database_in_the_data_dir(tmp_path: Path) -> None:
    # The autouse fixture points CLINCALC_DATA_DIR at tmp_path: no test writes to the repo's data/.
    assert load_settings().data_dir == tmp_path / "data"
    add(ReportStore(load_settings().data_dir))
    assert (tmp_path / "data" / REPORTS_FILE).is_file()
    assert "data/" in (ROOT / ".gitignore").read_text().split("\n")


def test_whole_monograph_report_has_no_section_or_question(store: ReportStore) -> None:
    add(store, section=None, question=None)
    assert (store.all()[0].section, store.all()[0].question) == (None, None)


def test_text_is_cleaned_and_limited(store: ReportStore) -> None:
    add(store, "  line one\r\nline\x00 two\x1b[31m \u202eevil\t ok  ")
    assert store.all()[0].text == "line one\nline two[31m evil\t ok"
    add(store, "x" * MAX_REPORT_CHARS, session="s2")
    with pytest.raises(ReportRejected, match="limited to 2,000 characters"):
        add(store, "x" * (MAX_REPORT_CHARS + 1), session="s3")
    for empty in ("", "   \n\t", "\x00\x07"):
        with pytest.raises(ReportRejected, match="Write what is wrong"):
            add(store, empty, session="s4")
    assert len(store.all()) == 2


@pytest.mark.parametrize(("field", "value"), [
    ("section", "dosing"), ("content_sha256", "abc"), ("content_sha256", "A" * 64), ("drug", " "),
])
def test_malformed_context_is_rejected(store: ReportStore, field: str, value: str) -> None:
    with pytest.raises(ReportRejected):
        add(store, **{field: value})
    assert store.all() == []


def test_rate_limit_per_session_and_window(store: ReportStore) -> None:
    t0 = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)
    for i in range(RATE_LIMIT):
        add(store, session="busy", now=t0 + timedelta(seconds=i))
    with pytest.raises(RateLimited, match="5 reports in the last 10 minutes.*not been saved"):
        add(store, session="busy", now=t0 + timedelta(minutes=9))
    add(store, session="someone else", now=t0 + timedelta(minutes=9))  # other sessions are not held back
    add(store, session="busy", now=t0 + timedelta(minutes=10, seconds=1))  # the first report left the window
    assert len(store.all()) == RATE_LIMIT + 2


def test_rate_limit_holds_when_one_session_sends_from_many_threads(store: ReportStore) -> None:
    outcomes: list[str] = []
    lock = threading.Lock()

    def send(_: int) -> None:
        try:
            add(store, session="tabs")
            result = "stored"
        except RateLimited:
            result = "limited"
        with lock:
            outcomes.append(result)

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(send, range(4 * RATE_LIMIT)))
    assert outcomes.count("stored") == RATE_LIMIT and len(store.all()) == RATE_LIMIT


def test_table_is_append_only(store: ReportStore) -> None:
    add(store)
    with sqlite3.connect(store.path) as conn:
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute("UPDATE reports SET text = 'changed'")
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute("DELETE FROM reports")
    assert store.all()[0].text == "The monitoring advice is out of date."


def _insert_many(data_dir: str, worker: int, count: int) -> list[int]:
    store = ReportStore(Path(data_dir))
    # One session per report: this measures concurrency, not the rate limit.
    return [add(store, f"worker {worker} report {i}", session=f"w{worker}-{i}").id  # type: ignore[attr-defined]
            for i in range(count)]


def test_concurrent_threads_lose_nothing(store: ReportStore) -> None:
    with ThreadPoolExecutor(4) as pool:
        ids = [i for batch in pool.map(lambda w: _insert_many(str(store.path.parent), w, 25), range(4)) for i in batch]
    assert sorted(ids) == list(range(1, 101))
    assert sorted(r.text for r in store.all()) == sorted(f"worker {w} report {i}" for w in range(4) for i in range(25))


def test_concurrent_processes_lose_nothing(store: ReportStore) -> None:
    data_dir = str(store.path.parent)
    with ProcessPoolExecutor(4) as pool:  # any "database is locked" in a worker would re-raise here
        ids = [i for f in [pool.submit(_insert_many, data_dir, w, 25) for w in range(4)] for i in f.result()]
    assert sorted(ids) == list(range(1, 101)) and len(store.all()) == 100


_WRITER = """
import sys
from clincalc_search.reports import ReportStore
store = ReportStore(__import__("pathlib").Path(sys.argv[1]))
i = 0
while True:
    r = store.add(drug="warfarin", section=None, content_sha256="b" * 64, text=f"report {i}", session_id=f"s{i}")
    print(r.id, flush=True)
    i += 1
"""


def test_a_killed_writer_loses_nothing_it_committed(store: ReportStore) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen([sys.executable, "-c", _WRITER, str(store.path.parent)], stdout=subprocess.PIPE,
                            text=True, env=env)
    assert proc.stdout is not None
    committed = [int(proc.stdout.readline()) for _ in range(40)]
    proc.send_signal(signal.SIGKILL)  # mid-loop: probably inside a transaction
    proc.wait(timeout=30)
    committed += [int(line) for line in proc.stdout.read().split()]
    stored = {r.id for r in store.all()}
    assert set(committed) <= stored and len(stored) >= 40
    add(store, "written after the crash")  # the database is still usable
    assert len(store.all()) == len(stored) + 1


def test_listing_an_empty_store_creates_nothing(store: ReportStore, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["reports"]) == 0 and capsys.readouterr().out == "no reports\n"
    assert main(["reports", "--csv"]) == 0
    assert capsys.readouterr().out == "id,created_at,drug,section,content_sha256,question,text,session_id\n"
    assert not load_settings().data_dir.exists()


def test_cli_reports_csv_and_text(capsys: pytest.CaptureFixture[str]) -> None:
    store = ReportStore(load_settings().data_dir)
    add(store, 'Wrong "schedule", see line 2\nsecond line', question="morphine schedule?", drug="morphine",
        section="prescribing")
    add(store, "=HYPERLINK(\"http://x\")", section=None, question=None)
    assert main(["reports", "--csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["id"] for r in rows] == ["1", "2"]
    assert rows[0]["text"] == 'Wrong "schedule", see line 2\nsecond line'
    first = (rows[0]["drug"], rows[0]["section"], rows[0]["question"])
    assert first == ("morphine", "prescribing", "morphine schedule?")
    assert rows[1]["text"] == "'=HYPERLINK(\"http://x\")" and rows[1]["section"] == ""  # not run as a formula
    assert rows[0]["content_sha256"] == SHA and rows[0]["session_id"] == "s1"
    assert main(["reports"]) == 0
    out = capsys.readouterr().out
    assert "#1  " in out and "morphine / prescribing" in out and "  | second line" in out
    assert "warfarin (whole monograph)" in out and "question: morphine schedule?" in out

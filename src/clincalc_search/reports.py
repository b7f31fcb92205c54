"""Problem reports from readers: an append-only SQLite table (WAL mode) in the data directory."""

from __future__ import annotations

import csv
import io
import re
import sqlite3
import time
import unicodedata
from collections.abc import Callable
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from clincalc_search.models import SECTION_KEYS, SectionKey

REPORTS_FILE = "reports.sqlite3"
MAX_REPORT_CHARS = 2000
MAX_QUESTION_CHARS = 2000
MAX_NAME_CHARS = 200
RATE_LIMIT = 5  # reports per session...
RATE_WINDOW = timedelta(minutes=10)  # ...in this window
BUSY_TIMEOUT_MS = 30_000  # writers queue for the lock instead of failing with "database is locked"

# Triggers make the table append-only for every client, not just this module: a report is evidence of what a
# reader saw, so it is never edited or removed by the application.
_SCHEMA = """
CREATE TABLE IF NOT EXISTS reports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    drug TEXT NOT NULL,
    section TEXT,
    content_sha256 TEXT NOT NULL,
    question TEXT,
    text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
    session_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS reports_by_session ON reports (session_id, created_at);
CREATE TRIGGER IF NOT EXISTS reports_no_update BEFORE UPDATE ON reports
    BEGIN SELECT RAISE(ABORT, 'reports are append-only'); END;
CREATE TRIGGER IF NOT EXISTS reports_no_delete BEFORE DELETE ON reports
    BEGIN SELECT RAISE(ABORT, 'reports are append-only'); END;
"""
_COLUMNS = ("id", "created_at", "drug", "section", "content_sha256", "question", "text", "session_id")
_SHA256 = re.compile(r"[0-9a-f]{64}")
# Bidirectional overrides and isolates can make a stored report read differently from what was typed.
_BIDI = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


class Report(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: int
    created_at: str  # UTC, ISO 8601 with microseconds: sorts and compares as text
    drug: str
    section: SectionKey | None  # None: about the whole monograph
    content_sha256: str  # of the section text, or of the monograph body, as the reader saw it
    question: str | None
    text: str
    session_id: str


class ReportRejected(ValueError):
    """The report was not stored; the message is meant for the person who wrote it."""


class RateLimited(ReportRejected):
    pass


def clean_text(text: str) -> str:
    """Control characters (other than newline and tab) and bidi controls removed, line ends normalised."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_BIDI)
    return "".join(c for c in text if c in "\n\t" or unicodedata.category(c) != "Cc").strip()


def _now_text(now: datetime) -> str:
    return now.astimezone(UTC).isoformat(timespec="microseconds")


def _retry_locked(step: Callable[[], object]) -> None:
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            step()
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


class ReportStore:
    """Open a connection per call: safe across threads and processes, and nothing held open between calls."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / REPORTS_FILE

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            # Switching to WAL and creating the schema race when several writers open a new file at once, and
            # SQLite can report "locked" there without waiting on the busy timeout: retry them until it passes.
            if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                _retry_locked(lambda: conn.execute("PRAGMA journal_mode = WAL"))
            # FULL: a committed report survives a power cut too, not only a crashed process.
            conn.execute("PRAGMA synchronous = FULL")
            _retry_locked(lambda: conn.executescript(_SCHEMA))
        except BaseException:
            conn.close()
            raise
        return conn

    def add(self, *, drug: str, section: str | None, content_sha256: str, text: str, session_id: str,
            question: str | None = None, now: datetime | None = None) -> Report:
        """Store one report, or raise ReportRejected (empty, too long, malformed) or RateLimited."""
        text = clean_text(text)
        if not text:
            raise ReportRejected("Write what is wrong before sending the report.")
        if len(text) > MAX_REPORT_CHARS:
            raise ReportRejected(f"A report is limited to {MAX_REPORT_CHARS:,} characters ({len(text):,} written).")
        drug, session_id = clean_text(drug), clean_text(session_id)
        if not drug or len(drug) > MAX_NAME_CHARS or not session_id or len(session_id) > MAX_NAME_CHARS:
            raise ReportRejected("The report does not say which monograph or session it comes from.")
        if section is not None and section not in SECTION_KEYS:
            raise ReportRejected(f"Unknown section '{section}'.")
        if not _SHA256.fullmatch(content_sha256):
            raise ReportRejected("The report does not carry the hash of the text it is about.")
        question = clean_text(question or "")[:MAX_QUESTION_CHARS] or None
        created = _now_text(now or datetime.now(UTC))
        since = _now_text((now or datetime.now(UTC)) - RATE_WINDOW)
        with closing(self._connect()) as conn:
            # IMMEDIATE takes the write lock first, so two tabs of one session cannot both pass the count.
            conn.execute("BEGIN IMMEDIATE")
            try:
                (recent,) = conn.execute("SELECT count(*) FROM reports WHERE session_id = ? AND created_at > ?",
                                         (session_id, since)).fetchone()
                if recent >= RATE_LIMIT:
                    minutes = int(RATE_WINDOW.total_seconds() // 60)
                    raise RateLimited(f"You have sent {RATE_LIMIT} reports in the last {minutes} minutes. Please "
                                      "wait a few minutes and send this one again; it has not been saved.")
                cursor = conn.execute(
                    "INSERT INTO reports (created_at, drug, section, content_sha256, question, text, session_id) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (created, drug, section, content_sha256, question, text, session_id))
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        return Report(id=cursor.lastrowid or 0, created_at=created, drug=drug, section=section,
                      content_sha256=content_sha256, question=question, text=text, session_id=session_id)

    def all(self) -> list[Report]:
        """Every report, oldest first. Listing never creates the database."""
        if not self.path.exists():
            return []
        with closing(self._connect()) as conn:
            rows = conn.execute(f"SELECT {', '.join(_COLUMNS)} FROM reports ORDER BY id").fetchall()
        return [Report(**dict(zip(_COLUMNS, row, strict=True))) for row in rows]


def _spreadsheet_safe(value: object) -> str:
    """Free text opened in a spreadsheet must not run as a formula: prefix a quote, as OWASP advises."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t") else text


def reports_csv(reports: list[Report]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(_COLUMNS)
    for r in reports:
        writer.writerow([_spreadsheet_safe(getattr(r, c)) for c in _COLUMNS])
    return out.getvalue()


def reports_text(reports: list[Report]) -> str:
    """One block per report for a terminal; the stored text is indented under its heading line."""
    if not reports:
        return "no reports"
    blocks = []
    for r in reports:
        where = f"{r.drug} / {r.section}" if r.section else f"{r.drug} (whole monograph)"
        lines = [f"#{r.id}  {r.created_at}  {where}  content {r.content_sha256[:12]}  session {r.session_id[:12]}"]
        if r.question:
            lines.append(f"  question: {' '.join(clean_text(r.question).split())}")
        lines += [f"  | {line}" for line in clean_text(r.text).split("\n")]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)

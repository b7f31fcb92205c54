"""Review records pinned to the text: matching hash, edited text, malformed records, and the real corpus."""

from __future__ import annotations

import json
import os
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from clincalc_search.cli import main
from clincalc_search.corpus import load_corpus, parse_monograph, review_body, review_hash
from clincalc_search.embedding import FakeEncoder
from clincalc_search.engine import Engine
from clincalc_search.index_store import build_index
from clincalc_search.models import Monograph
from clincalc_search.settings import load_settings
from clincalc_search.validation import validate_corpus

from .conftest import REAL_CORPUS
from .test_corpus import _edit


def _review(corpus: Path, name: str = "warfarin.md", sha: str | None = None, on: str = "2025-01-15",
            status: str = "clinician-reviewed") -> Path:
    """Mark a fixture monograph reviewed, on one line so every later line number stays put."""
    path = corpus / "monographs" / name
    sha = sha or review_hash(path)
    _edit(corpus, name, "status: draft", f"status: {status}")
    return _edit(corpus, name, "reviewed: null", f"reviewed: {{by: consultant pharmacist, on: {on}, sha256: {sha}}}")


def _shown(path: Path) -> str:
    m, problems = parse_monograph(path)
    assert m is not None, problems
    return m.status_text


def _problems(corpus: Path) -> list[str]:
    return [str(p) for p in validate_corpus(corpus)[1]]


def test_body_is_everything_after_the_closing_line_with_crlf_normalised(tmp_path: Path) -> None:
    text = "---\nname: x\n---\nOverview.\n\n## How it works\nText.\n"
    assert review_body(text) == "Overview.\n\n## How it works\nText.\n"
    assert review_body(text.replace("\n", "\r\n")) == review_body(text)
    assert review_body("no front matter") is None and review_body("---\nname: x\n") is None
    lf, crlf = tmp_path / "lf.md", tmp_path / "crlf.md"
    lf.write_bytes(text.encode())
    crlf.write_bytes(text.replace("\n", "\r\n").encode())
    assert review_hash(lf) == review_hash(crlf)


def test_matching_hash_shows_clinician_reviewed_everywhere(corpus_copy: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    before = review_hash(corpus_copy / "monographs" / "warfarin.md")
    path = _review(corpus_copy)
    assert review_hash(path) == before  # the record lives in the front matter, outside what it signs
    assert _shown(path) == "clinician-reviewed (2025-01-15)"
    assert _problems(corpus_copy) == []
    assert main(["review-hash", str(path)]) == 0 and capsys.readouterr().out == before + "\n"
    assert main(["build", "--quiet"]) == 0
    capsys.readouterr()
    assert main(["ask", "warfarin monitoring", "--json"]) == 0
    hit = json.loads(capsys.readouterr().out)["hits"][0]
    assert (hit["drug"], hit["status"]) == ("warfarin", "clinician-reviewed (2025-01-15)")
    assert main(["ask", "warfarin monitoring", "--top-k", "1"]) == 0
    assert "Status: clinician-reviewed (2025-01-15)\n" in capsys.readouterr().out


def test_edited_text_shows_changed_since_review(corpus_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _review(corpus_copy)
    _edit(corpus_copy, "warfarin.md", "kicker: Vitamin K antagonist anticoagulant",
          "kicker: Vitamin K antagonist oral anticoagulant")
    assert _shown(path) == "clinician-reviewed (2025-01-15)"  # front matter is not reviewed text
    _edit(corpus_copy, "warfarin.md", "- INR is checked frequently", "- INR is checked often")
    assert _shown(path) == "changed since review (2025-01-15)"
    # Not a validation problem: a correction must be publishable before the next review; the status says so.
    assert _problems(corpus_copy) == []
    assert main(["build", "--quiet"]) == 0
    engine = Engine.load(load_settings())
    assert {h.status for h in engine.ask("warfarin monitoring").hits if h.drug == "warfarin"} == {
        "changed since review (2025-01-15)"}
    capsys.readouterr()
    assert main(["review-hash", str(path)]) == 0  # a new review signs the text as it now stands
    text = path.read_text()
    start = text.index("sha256: ") + len("sha256: ")
    path.write_text(text[:start] + capsys.readouterr().out.strip() + text[start + 64 :])
    assert _shown(path) == "clinician-reviewed (2025-01-15)"


@pytest.mark.parametrize(("record", "message"), [
    ("reviewed: 2025-01-15", "malformed review record: expected reviewed: {by: <role or name>, on: YYYY-MM-DD"),
    ("reviewed: {by: pharmacist, on: 2025-01-15}", "malformed review record: sha256: Field required"),
    ("reviewed: {by: pharmacist, on: 2025-01-15, sha256: xyz}", "malformed review record: sha256: String should match"),
    ("reviewed: {by: '', on: 2025-01-15, sha256: " + "a" * 64 + "}", "malformed review record: by: String should"),
    ("reviewed: {by: x, on: soon, sha256: " + "a" * 64 + "}", "malformed review record: on: Input should be a valid"),
    ("reviewed: {by: x, on: 2025-01-15, sha256: " + "a" * 64 + ", signed: yes}",
     "malformed review record: signed: Extra inputs are not permitted"),
    ("reviewed: {by: x, on: 2025-02-30, sha256: " + "a" * 64 + "}", "invalid YAML: impossible value"),
])
def test_malformed_review_record_names_file_line_and_field(corpus_copy: Path, record: str, message: str) -> None:
    _edit(corpus_copy, "warfarin.md", "status: draft", "status: clinician-reviewed")
    _edit(corpus_copy, "warfarin.md", "reviewed: null", record)
    found = _problems(corpus_copy)
    assert any(p.startswith("warfarin.md:12: reviewed: ") and message in p for p in found), found


def test_clinician_reviewed_without_a_record_is_reported_and_shown_as_draft(corpus_copy: Path) -> None:
    path = _edit(corpus_copy, "warfarin.md", "status: draft", "status: clinician-reviewed")
    assert "warfarin.md:11: status: clinician-reviewed needs a review record: reviewed: {by: <role or name>, " \
           "on: YYYY-MM-DD, sha256: <sha256 of the body>}" in _problems(corpus_copy)
    assert _shown(path) == "draft"


def test_a_record_with_status_draft_is_reported_and_shown_as_draft(corpus_copy: Path) -> None:
    path = _review(corpus_copy, status="draft")
    assert _problems(corpus_copy) == [
        "warfarin.md:12: reviewed: a review record with status: draft is ignored (the page shows draft); "
        "set status: clinician-reviewed or remove the record"]
    assert _shown(path) == "draft"


def test_a_review_dated_in_the_future_is_reported(corpus_copy: Path) -> None:
    _review(corpus_copy, on=(date.today() + timedelta(days=2)).isoformat())
    assert any(p.startswith("warfarin.md:12: reviewed: review date") and "in the future" in p
               for p in _problems(corpus_copy))


def test_no_real_monograph_is_marked_reviewed() -> None:
    files = sorted((REAL_CORPUS / "monographs").glob("*.md"))
    monographs, _ = load_corpus(REAL_CORPUS / "monographs")
    assert len(monographs) == len(files) > 100  # every file parses, so every file is checked here
    assert {m.status_text for m in monographs} == {"draft"}
    assert [m.name for m in monographs if m.reviewed is not None or m.status != "draft"] == []


def test_modification_time_is_kept_and_survives_the_index_snapshot(corpus_copy: Path) -> None:
    path = corpus_copy / "monographs" / "lithium.md"
    when = datetime(2024, 3, 9, 10, 30, tzinfo=UTC)
    os.utime(path, (when.timestamp(), when.timestamp()))
    m, _ = parse_monograph(path)
    assert m is not None and m.modified == when and m.modified_text == "2024-03-09"
    settings = load_settings()
    build_index(settings.corpus_dir, settings.index_dir, FakeEncoder(), progress=False)
    assert Engine.load(settings).monographs["lithium"].modified == when


def test_a_snapshot_from_before_review_hashes_still_loads() -> None:
    m, _ = parse_monograph(Path(__file__).parent / "fixtures" / "corpus" / "monographs" / "lithium.md")
    assert m is not None
    old = m.model_dump(mode="json", exclude={"body_sha256", "modified"})
    loaded = Monograph.model_validate(old)
    assert (loaded.body_sha256, loaded.modified, loaded.status_text, loaded.modified_text) == ("", None, "draft",
                                                                                               "unknown")


def test_review_hash_of_a_file_without_front_matter_fails_clearly(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "x.md").write_text("no front matter here\n")
    assert main(["review-hash", str(tmp_path / "x.md"), str(tmp_path / "missing.md")]) == 1
    err = capsys.readouterr().err
    assert "x.md: no closed '---' front matter" in err and "missing.md: No such file or directory" in err

"""Reliability, bad questions: the engine, the CLI and the app's URL parameters never crash on hostile input.

Every question here goes through `Engine.ask`, and (where a shell can carry it) through
`python -m clincalc_search ask --json` / `--jsonl` in a subprocess against a fake-encoder index. The rules:
no exception, valid JSON in the documented shape, one output line per input line, an over-long question gets
a message stating the limit, and every hit is a section copied verbatim from the corpus.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import string
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from clincalc_search.cli import main
from clincalc_search.embedding import FakeEncoder
from clincalc_search.engine import Engine
from clincalc_search.index_store import build_index
from clincalc_search.models import Answer
from clincalc_search.settings import Settings

from .conftest import FIXTURE_CORPUS, REAL_CORPUS

LIMIT = 2000  # settings.max_question_chars
LIMIT_TEXT = "limited to 2,000 characters"
ANSWER_KEYS = {"question", "refused", "message", "drug", "hits", "why"}  # why: optional, additive
HIT_KEYS = {"drug", "section", "title", "text", "references", "score", "status", "highlights"}


def _exactly(n: int) -> str:
    """A question of exactly n characters that names a drug."""
    return ("warfarin monitoring " * (n // 20 + 1))[: n - 1] + "?"


# (id, question, what must happen): "prompt" = the empty-question prompt, "limit" = the length message,
# a (drug, section) pair = the top hit, None = anything, as long as nothing breaks.
BAD_QUESTIONS: list[tuple[str, str, object]] = [
    ("empty", "", "prompt"),
    ("spaces_tabs", " \t  ", "prompt"),
    ("unicode_spaces", "\u00a0\u2003\u3000", "prompt"),
    ("newlines_only", "\n\r\n\n", "prompt"),
    ("nul_only", "\x00\x00\x00", "prompt"),
    ("nul_between_words", "warfarin\x00monitoring", ("warfarin", "monitoring")),
    ("control_chars", "\x01\x07\x1b[31mlithium\x1b[0m \x08monitoring\x7f", ("lithium", "monitoring")),
    ("carriage_return_inside", "warfarin\rmonitoring", ("warfarin", "monitoring")),
    ("unicode_line_separators", "what\x85should I monitor\u2028on\u2029lithium", ("lithium", "monitoring")),
    ("bidi_override", "\u202ewarfarin monitoring\u202c", ("warfarin", "monitoring")),
    ("zero_width", "war\u200bfarin\ufeff", None),
    ("emoji", "💊🩸 what should I monitor on warfarin? 👍🏽 👨‍👩‍👧", ("warfarin", "monitoring")),
    ("emoji_only", "💊💊💊🤒", None),
    ("rtl_arabic", "ما هي مراقبة الوارفارين؟", None),
    ("rtl_hebrew_mixed", "מה לבדוק lithium monitoring", ("lithium", "monitoring")),
    ("cjk", "华法林 监测 ワルファリン", None),
    ("zalgo", "lithium" + "\u0301\u0334" * 300, None),
    ("html_script", "<script>alert('x')</script> warfarin monitoring", ("warfarin", "monitoring")),
    ("html_img", "<img src=x onerror=alert(1)>", None),
    ("html_entities", "&lt;b&gt;warfarin&lt;/b&gt; &#x3C;script&#x3E;", None),
    ("markdown_link", "[click me](javascript:alert(1)) lithium monitoring", ("lithium", "monitoring")),
    ("markdown_image", "![pixel](http://evil.example/t.png?u=1) how does lithium work", ("lithium", "how_it_works")),
    ("markdown_heading", "# Monitoring\n## Overview\n---\nwarfarin", None),
    ("sql_drop", "'; DROP TABLE monographs; -- warfarin", None),
    ("sql_union", "\" OR 1=1 UNION SELECT name, text FROM chunks --", None),
    ("format_strings", "{0} %s %(x)s {question!r} ${jndi:ldap://x/a} {{7*7}}", None),
    ("regex_metachars", ".*+?[(\\1)]{2,}^$| warfarin", None),
    ("path_traversal", "../../etc/passwd", None),
    ("yaml_front_matter", "---\nname: warfarin\n---\n## Monitoring", None),
    ("exactly_the_limit", _exactly(LIMIT), ("warfarin", "monitoring")),
    ("one_over_the_limit", _exactly(LIMIT + 1), "limit"),
    ("100kB_words", "warfarin monitoring " * 5000, "limit"),
    ("100kB_one_word", "x" * 100_000, "limit"),
    ("100kB_of_emoji_bytes", "💊" * 25_000, "limit"),
    ("100kB_of_nul", "\x00" * 100_000, "prompt"),
]
IDS = [b[0] for b in BAD_QUESTIONS]
# A line of --jsonl input cannot contain "\n"; argv cannot contain NUL.
JSONL_SAFE = [b for b in BAD_QUESTIONS if "\n" not in b[1]]
ARGV_SAFE = [b for b in BAD_QUESTIONS if "\x00" not in b[1]]


def corpus_files() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in (FIXTURE_CORPUS / "monographs").glob("*.md")}


def assert_verbatim(answer: Answer | dict, engine: Engine | None = None) -> None:
    """Every hit's text is a section of a monograph file, character for character."""
    data = answer if isinstance(answer, dict) else answer.model_dump()
    files = corpus_files()
    for hit in data["hits"]:
        assert any(hit["text"] in text for text in files.values()), f"not verbatim: {hit['text'][:80]!r}"
        if engine is not None:
            assert hit["text"] == engine.monographs[hit["drug"]].section(hit["section"]).text


def assert_contract(data: dict) -> None:
    assert set(data) == ANSWER_KEYS
    assert isinstance(data["refused"], bool)
    assert data["message"] is None or isinstance(data["message"], str)
    for hit in data["hits"]:
        assert set(hit) == HIT_KEYS
        assert hit["section"] in {"overview", "how_it_works", "prescribing", "monitoring", "counselling", "evidence"}


def assert_expectation(data: dict, expect: object) -> None:
    if expect == "prompt":
        assert data["hits"] == [] and "Type a question" in (data["message"] or "")
    elif expect == "limit":
        assert data["hits"] == [] and not data["refused"]
        assert LIMIT_TEXT in (data["message"] or ""), data["message"]
    elif isinstance(expect, tuple):
        assert data["hits"], data["message"]
        assert (data["hits"][0]["drug"], data["hits"][0]["section"]) == expect


def assert_no_markup_echo(question: str, data: dict) -> None:
    """Messages never repeat the user's markup: no tag or link from the question comes back."""
    message = data["message"] or ""
    for tag in re.findall(r"<\s*\w+|\]\(", question):
        assert tag not in message, f"message echoes {tag!r}: {message!r}"


# -- fixtures ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cli_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Environment for CLI subprocesses: fixture corpus, fake encoder, an index built by the CLI itself."""
    env = {**os.environ, "CLINCALC_CORPUS_DIR": str(FIXTURE_CORPUS), "CLINCALC_ENCODER": "fake",
           "CLINCALC_INDEX_DIR": str(tmp_path_factory.mktemp("cli-index")), "HF_HUB_OFFLINE": "1"}
    proc = subprocess.run([sys.executable, "-m", "clincalc_search", "build", "--quiet"], env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return env


def run_cli(env: dict[str, str], *args: str | bytes, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    cmd = [os.fsencode(sys.executable), b"-m", b"clincalc_search", *(os.fsencode(a) for a in args)]
    return subprocess.run(cmd, input=stdin, capture_output=True, env=env, timeout=120)


def assert_clean_exit(proc: subprocess.CompletedProcess[bytes], code: int = 0) -> str:
    err = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    assert proc.returncode == code, err
    return proc.stdout.decode("utf-8")  # strict: the CLI always writes valid UTF-8


@pytest.fixture(scope="module")
def shared_engine(cli_env: dict[str, str]) -> Engine:
    """One engine over the CLI-built index, shared by the read-only tests of this module."""
    return Engine.load(Settings(corpus_dir=FIXTURE_CORPUS, index_dir=Path(cli_env["CLINCALC_INDEX_DIR"]),
                                encoder="fake"))


@pytest.fixture
def shared_env(cli_env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Point in-process `cli.main` calls at the shared index."""
    monkeypatch.setenv("CLINCALC_INDEX_DIR", cli_env["CLINCALC_INDEX_DIR"])


# -- Engine.ask -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "question", "expect"), BAD_QUESTIONS, ids=IDS)
def test_engine_never_crashes_on_bad_questions(shared_engine: Engine, name: str, question: str,
                                                expect: object) -> None:
    engine = shared_engine
    answer = engine.ask(question)
    assert isinstance(answer, Answer)
    assert answer.question == question  # echoed exactly as typed
    data = json.loads(answer.model_dump_json())  # what the CLI prints
    assert_contract(data)
    assert_expectation(data, expect)
    assert_verbatim(answer, engine)
    assert_no_markup_echo(question, data)


@pytest.mark.parametrize("top_k", [0, 1, 50, 10_000])
def test_engine_top_k_extremes(shared_engine: Engine, top_k: int) -> None:
    engine = shared_engine
    answer = engine.ask("warfarin", top_k=top_k)
    assert answer.hits and len(answer.hits) <= 6  # never more than the drug's sections, never a crash
    assert_verbatim(answer, engine)


@pytest.mark.parametrize("context", ["", "\x00", "../../etc/passwd", "<script>", "x" * 100_000, "Priadel"])
def test_engine_hostile_context_drug(shared_engine: Engine, context: str) -> None:
    engine = shared_engine
    answer = engine.ask("and what should I monitor?", context_drug=context)
    assert_contract(json.loads(answer.model_dump_json()))
    assert_verbatim(answer, engine)
    if context == "Priadel":
        assert answer.hits[0].drug == "lithium"


def test_engine_answer_with_lone_surrogate_serialises(shared_engine: Engine) -> None:
    answer = shared_engine.ask("\udcff warfarin monitoring")
    assert json.loads(answer.model_dump_json())["hits"]
    assert answer.question == "\ufffd warfarin monitoring"  # U+FFFD, as docs/RELIABILITY.md says, not '?'


def _junk_words(rng: random.Random, n: int) -> str:
    words: list[str] = []
    while sum(len(w) + 1 for w in words) < n:
        words.append("".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(4, 12))))
    return " ".join(words)[:n]


@pytest.fixture(scope="module")
def full_corpus_engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    """The real corpus (every monograph) indexed with the fake encoder: the drug lexicon at full size."""
    s = Settings(corpus_dir=REAL_CORPUS, index_dir=tmp_path_factory.mktemp("full-corpus-fake"), encoder="fake")
    build_index(s.corpus_dir, s.index_dir, FakeEncoder(), progress=False)
    return Engine.load(s)


def test_max_length_hostile_questions_finish_quickly_on_the_full_corpus(full_corpus_engine: Engine) -> None:
    """Questions just under the limit built to be expensive (hundreds of unknown words, each fuzzy-matched
    against every drug name; long digit runs for the dose rules) are still answered in bounded time."""
    rng = random.Random(3)
    questions = [
        _junk_words(rng, LIMIT), "1" * LIMIT, ("warfarn lithum clozapin " * 100)[:LIMIT],
        ("how long should I take " + "x " * LIMIT)[:LIMIT], "<" * LIMIT, "a-" * (LIMIT // 2),
        ("miss " * LIMIT)[:LIMIT], "💊" * LIMIT, "Blutdruckkontrolle" * (LIMIT // 18),  # one word, read for compounds
    ]
    for question in questions:
        started = time.perf_counter()
        answer = full_corpus_engine.ask(question)
        elapsed = time.perf_counter() - started
        assert elapsed < 5.0, f"{elapsed:.2f}s for {question[:40]!r}"
        assert_contract(json.loads(answer.model_dump_json()))


# -- the CLI --------------------------------------------------------------------------------------------


def test_cli_jsonl_bad_questions_one_line_each(cli_env: dict[str, str]) -> None:
    questions = [q for _, q, _ in JSONL_SAFE]
    proc = run_cli(cli_env, "ask", "--jsonl", stdin=("\n".join(questions) + "\n").encode("utf-8"))
    out = assert_clean_exit(proc)
    assert out.endswith("\n")
    lines = out.split("\n")[:-1]  # JSON Lines: records end at "\n" and nowhere else
    assert len(lines) == len(questions)
    for (name, question, expect), line in zip(JSONL_SAFE, lines, strict=True):
        data = json.loads(line)
        assert data["question"] == question, name
        assert_contract(data)
        assert_expectation(data, expect)
        assert_verbatim(data)
        assert_no_markup_echo(question, data)


def test_cli_jsonl_blank_lines_and_no_final_newline(cli_env: dict[str, str]) -> None:
    proc = run_cli(cli_env, "ask", "--jsonl", stdin=b"\n\nwarfarin monitoring\r\n\x00\nlithium")
    lines = assert_clean_exit(proc).split("\n")[:-1]
    answers = [json.loads(line) for line in lines]
    assert [a["question"] for a in answers] == ["", "", "warfarin monitoring\r", "\x00", "lithium"]
    assert answers[2]["hits"][0]["section"] == "monitoring" and answers[4]["drug"] == "lithium"


def test_cli_jsonl_empty_stdin(cli_env: dict[str, str]) -> None:
    assert assert_clean_exit(run_cli(cli_env, "ask", "--jsonl", stdin=b"")) == ""


@pytest.mark.parametrize(("name", "question", "expect"), ARGV_SAFE, ids=[b[0] for b in ARGV_SAFE])
def test_cli_json_bad_questions(name: str, question: str, expect: object, shared_env: None,
                                capsys: pytest.CaptureFixture[str]) -> None:
    """`ask QUESTION --json` for every question argv can carry (all but NUL), through cli.main."""
    assert main(["ask", question, "--json"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1  # one JSON object on one line
    data = json.loads(out)
    assert data["question"] == question
    assert_contract(data)
    assert_expectation(data, expect)
    assert_verbatim(data)


ARGV_SUBPROCESS = ["control_chars", "emoji", "rtl_arabic", "100kB_words"]


def test_cli_json_argv_in_a_real_process(cli_env: dict[str, str]) -> None:
    """The same through a real argv (the OS, the locale and the interpreter's decoding), a few side by side."""
    picks = [b for b in ARGV_SAFE if b[0] in ARGV_SUBPROCESS]
    with ThreadPoolExecutor(max_workers=2) as pool:
        procs = list(pool.map(lambda b: run_cli(cli_env, "ask", b[1], "--json"), picks))
    for (name, question, expect), proc in zip(picks, procs, strict=True):
        data = json.loads(assert_clean_exit(proc))
        assert data["question"] == question, name
        assert_expectation(data, expect)


def test_cli_human_output_bad_questions(shared_env: None, capsys: pytest.CaptureFixture[str]) -> None:
    picks = ["", "x" * 100_000, "<script>alert('x')</script> warfarin monitoring", "💊 lithium monitoring", "ما هو"]
    outs = []
    for question in picks:
        assert main(["ask", question]) == 0
        outs.append(capsys.readouterr().out)
    assert "Type a question" in outs[0]
    assert LIMIT_TEXT in outs[1]
    assert "Warfarin" in outs[2] and "<script>" not in outs[2]
    assert "Lithium" in outs[3] and "Monitoring" in outs[3]


def test_cli_without_question_is_a_usage_error(cli_env: dict[str, str]) -> None:
    proc = run_cli(cli_env, "ask")
    assert proc.returncode == 2 and b"Traceback" not in proc.stderr and b"QUESTION" in proc.stderr


def test_cli_jsonl_non_utf8_stdin(cli_env: dict[str, str]) -> None:
    proc = run_cli(cli_env, "ask", "--jsonl", stdin=b"\xff\xfe warfarin monitoring\nlithium\n")
    lines = assert_clean_exit(proc).split("\n")[:-1]
    assert len(lines) == 2 and json.loads(lines[1])["drug"] == "lithium"
    assert json.loads(lines[0])["question"] == "\ufffd\ufffd warfarin monitoring"


def test_cli_json_non_utf8_argv(cli_env: dict[str, str]) -> None:
    proc = run_cli(cli_env, "ask", b"\xffwarfarin monitoring", "--json")
    assert json.loads(assert_clean_exit(proc))["hits"]


def test_cli_jsonl_output_survives_splitlines(cli_env: dict[str, str]) -> None:
    questions = ["what\x85should I monitor\u2028on\u2029lithium", "warfarin"]
    out = assert_clean_exit(run_cli(cli_env, "ask", "--jsonl", stdin=("\n".join(questions) + "\n").encode()))
    assert [json.loads(line)["question"] for line in out.splitlines()] == questions


# -- URL parameters in the app are untrusted -------------------------------------------------------

HOSTILE_PARAMS: list[dict[str, str]] = [
    {"drug": "../../etc/passwd"},
    {"class": "<script>"},
    {"q": "<img src=x onerror=alert(1)>"},
    {"drug": "[click](javascript:alert(1))"},
    {"class": "<script>alert(1)</script>", "drug": "<b>bold</b>", "q": "<script>x</script>"},
    {"drug": "<img src=x onerror=alert(1)>", "class": "Anticoagulants"},
    {"q": "\x00\x1b[2J"},
    {"q": "warfarin " * 12_000},
    {"drug": "", "class": "", "q": ""},
]
_RAW_MARKUP = re.compile(r"(?<!\\)<\s*/?\s*(?:script|img|b)\b|(?<!\\)\]\((?:javascript|http)", re.IGNORECASE)


def rendered(at: AppTest) -> Iterator[str]:
    """Every string the app hands to Markdown rendering (code blocks show text literally and are skipped)."""
    for kind in ("markdown", "caption", "warning", "error", "info", "success", "title", "header", "subheader"):
        for element in getattr(at, kind):
            yield str(element.value)


@pytest.mark.parametrize("params", HOSTILE_PARAMS, ids=lambda p: ",".join(f"{k}={v[:20]!r}" for k, v in p.items()))
def test_url_parameters_are_untrusted(app: AppTest, params: dict[str, str]) -> None:
    for key, value in params.items():
        app.query_params[key] = value
    app.run()
    assert not app.exception, app.exception
    texts = list(rendered(app))
    assert texts, "the app rendered nothing"
    raw = [t for t in texts if _RAW_MARKUP.search(t)]
    assert raw == [], f"unescaped markup from the URL reached the page: {raw}"
    warnings = [str(w.value) for w in app.warning]
    if params.get("drug"):  # the drug view opens first and says the name is unknown
        assert any("is not in the corpus" in w for w in warnings), warnings
    elif params.get("class"):
        assert any("is not a class" in w for w in warnings), warnings
    if params.get("q", "").startswith("warfarin warfarin"):
        assert any(LIMIT_TEXT in t for t in texts)


# -- an ordinary UTF-8 locale (issue 15 #4) --------------------------------------------------------------


def _has_locale(name: str) -> bool:
    found = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.lower().split()
    return name.lower().replace("-", "") in {f.replace("-", "") for f in found}


@pytest.fixture(scope="module")
def en_gb_env(cli_env: dict[str, str]) -> dict[str, str]:
    """CLI environment under en_GB.UTF-8, where Python decodes stdin strictly (C.UTF-8 would escape bad bytes
    silently, which is why the first stdin test never failed). The locale is made with localedef if missing."""
    if not _has_locale("en_GB.UTF-8"):
        if shutil.which("localedef") is None:
            pytest.skip("en_GB.UTF-8 is not installed and localedef is unavailable (Debian package 'locales')")
        made = subprocess.run(["localedef", "-i", "en_GB", "-f", "UTF-8", "en_GB.UTF-8"], capture_output=True,
                              text=True)
        if made.returncode != 0 or not _has_locale("en_GB.UTF-8"):
            pytest.skip(f"could not create the en_GB.UTF-8 locale: {made.stderr.strip()[-200:]}")
    env = {k: v for k, v in cli_env.items() if k not in ("PYTHONUTF8", "PYTHONIOENCODING")}
    env.update({"LANG": "en_GB.UTF-8", "LC_ALL": "en_GB.UTF-8"})
    # The control: in this environment a plain Python process really does read stdin strictly.
    probe = subprocess.run([sys.executable, "-c", "import sys; print(sys.stdin.errors, sys.flags.utf8_mode)"],
                           env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert probe.stdout.split() == ["strict", "0"], probe.stdout + probe.stderr
    return env


def test_cli_jsonl_invalid_utf8_under_en_gb_locale(en_gb_env: dict[str, str]) -> None:
    """Every line is answered, in order; invalid bytes come back as U+FFFD in that line's question."""
    stdin = b"warfarin monitoring\n\xff\xfe lithium monitoring\nhow does lithium work\n"
    out = assert_clean_exit(run_cli(en_gb_env, "ask", "--jsonl", stdin=stdin))
    answers = [json.loads(line) for line in out.split("\n")[:-1]]
    assert [a["question"] for a in answers] == [
        "warfarin monitoring", "\ufffd\ufffd lithium monitoring", "how does lithium work"]
    assert (answers[1]["drug"], answers[1]["hits"][0]["section"]) == ("lithium", "monitoring")
    assert answers[0]["drug"] == "warfarin" and answers[2]["hits"][0]["section"] == "how_it_works"


def test_cli_argv_invalid_utf8_under_en_gb_locale(en_gb_env: dict[str, str]) -> None:
    data = json.loads(assert_clean_exit(run_cli(en_gb_env, "ask", b"\xffwarfarin monitoring", "--json")))
    assert data["question"] == "\ufffdwarfarin monitoring" and data["hits"][0]["drug"] == "warfarin"

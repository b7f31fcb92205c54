"""Reliability under interruption and load: killed builds, simultaneous builds, many threads, a real server.

* A build killed with SIGKILL, at random moments and at every kind of step (each file write, just before and
  just after the manifest swap), leaves an index that loads and answers exactly as before.
* Two builds started together are serialised by the file lock: both succeed, the final index loads and no
  files of the losing build are left behind.
* Many threads asking at once get the same answers as one caller asking one by one, also while rebuilds run.
* A real `streamlit run` server on 127.0.0.1 serves a bounded burst of requests without an error and without
  any outbound connection.
"""

from __future__ import annotations

import os
import random
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from clincalc_search import index_store
from clincalc_search.embedding import FakeEncoder
from clincalc_search.engine import Engine
from clincalc_search.index_store import MANIFEST, Manifest, build_index, load_index, read_manifest
from clincalc_search.settings import Settings, load_settings

from .conftest import ROOT
from .test_reliability_index import attempts, netblock_env

PROBES = ["what should I monitor on besponsa?", "how does warfarin work", "lithium counselling",
          "how much warfarin", "tell me about blood thinners", "capital of France"]
QUESTIONS = PROBES + [
    "besponza LFTs?", "how does COUMADIN work", "signs of lithium toxicity", "alendronate evidence",
    "how should alendronic acid be taken", "what do I tell a patient starting warfarin", "warfarin",
    "warfarin vs lithium monitoring", "dose and monitoring for warfarin", "how much besponsa for cycle 1",
    "tell me about teplizumab", "how do I reset my password", "", "\x00", "x" * 3000, "💊 lithium",
    "<script>alert('x')</script> warfarin", "which drugs are antibody-drug conjugates", "Priadel side effects",
]
PAUSE = 0.03  # seconds the slow-motion build waits around each write, so a kill can land between steps

# A build whose every write step (FAISS file, numpy arrays, fsync'd files, the manifest swap) is announced on
# stdout, with a short pause on each side: the parent can SIGKILL it at an exact step.
SLOW_BUILD = r"""
import os, sys, time
import faiss, numpy

PAUSE = float(os.environ["BUILD_PAUSE"])


def marker(text):
    sys.stdout.write(f"{time.monotonic():.6f} {text}\n")
    sys.stdout.flush()


def slow(name, fn, target):
    def wrapper(*args, **kwargs):
        what = os.path.basename(str(target(args))) if name != "fsync" else ""
        marker(f"before {name} {what}".strip())
        time.sleep(PAUSE)
        result = fn(*args, **kwargs)
        marker(f"after {name} {what}".strip())
        time.sleep(PAUSE)
        return result
    return wrapper


faiss.write_index = slow("write_index", faiss.write_index, lambda a: a[1])
numpy.save = slow("save", numpy.save, lambda a: a[0])
os.fsync = slow("fsync", os.fsync, lambda a: "")
os.replace = slow("replace", os.replace, lambda a: a[1])

from clincalc_search.cli import main

code = main(["build", "--quiet"])
marker("done")
sys.exit(code)
"""


def _env(s: Settings, **extra: str) -> dict[str, str]:
    return {**os.environ, "CLINCALC_CORPUS_DIR": str(s.corpus_dir), "CLINCALC_INDEX_DIR": str(s.index_dir),
            "CLINCALC_ENCODER": "fake", "BUILD_PAUSE": str(PAUSE), **extra}


def _slow_build(env: dict[str, str], kill_after: int | None = None) -> tuple[list[tuple[float, str]], int]:
    """Run the slow-motion build; SIGKILL it right after its `kill_after`-th marker. Returns markers, status."""
    proc = subprocess.Popen([sys.executable, "-c", SLOW_BUILD], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True)
    watchdog = threading.Timer(120, proc.kill)
    watchdog.start()
    markers: list[tuple[float, str]] = []
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            stamp, _, text = line.rstrip("\n").partition(" ")
            if not stamp.replace(".", "").isdigit():
                continue  # the CLI's own "built index: ..." line
            markers.append((float(stamp), text))
            if kill_after is not None and len(markers) == kill_after:
                os.kill(proc.pid, signal.SIGKILL)
                break
        proc.wait(timeout=60)
    finally:
        watchdog.cancel()
        proc.stdout.close()  # type: ignore[union-attr]
        proc.stderr.close()  # type: ignore[union-attr]
    return markers, proc.returncode


def _answers(engine: Engine) -> list[dict]:
    return [engine.ask(q).model_dump() for q in PROBES]


def _leftovers(index_dir: Path) -> list[str]:
    """Files in the index folder beyond the current build and the one previous build it keeps for readers
    (the lock file aside)."""
    keep = set(read_manifest(index_dir).files.values()) | {MANIFEST, index_store.LOCK}
    others = sorted(p.name for p in index_dir.iterdir() if p.name not in keep)
    build_ids = sorted({re.sub(r"^[a-z]+-|\.[a-z]+$", "", name) for name in others})
    previous = build_ids[-1:]  # build ids start with a timestamp, so the last is the previous build
    return [name for name in others if re.sub(r"^[a-z]+-|\.[a-z]+$", "", name) not in previous]


@pytest.fixture
def served(corpus_copy: Path) -> tuple[Settings, Manifest, list[dict]]:
    s = load_settings()
    manifest = build_index(s.corpus_dir, s.index_dir, FakeEncoder(), progress=False)
    return s, manifest, _answers(Engine.load(s))


# -- interrupted builds ------------------------------------------------------------------------------


def test_build_killed_at_every_kind_of_step_leaves_a_working_index(
        served: tuple[Settings, Manifest, list[dict]]) -> None:
    s, first, baseline = served
    env = _env(s)
    # A full slow-motion run first, to learn its steps (it also proves the runner builds a good index).
    steps, status = _slow_build(env)
    assert status == 0 and steps[-1][1] == "done", steps
    names = [text for _, text in steps]
    swap = names.index(f"after replace {MANIFEST}")  # the single step that switches builds
    current = read_manifest(s.index_dir).build_id
    assert current != first.build_id
    # Kill at the first step, just before and just after the swap, and right before a step of each kind
    # (the FAISS file, a numpy array, an fsync'd file): "before X" is announced, X has not happened yet.
    kill_points = {1, swap, swap + 1}
    for kind in ("write_index", "save", "fsync"):
        positions = [i for i, n in enumerate(names) if n.split(" ")[:2] == ["before", kind]]
        kill_points.add(positions[len(positions) // 2] + 1)
    killed = 0
    for after in sorted(kill_points):
        seen, status = _slow_build(env, kill_after=after)
        assert status == -signal.SIGKILL, (after, seen)
        killed += 1
        swapped = any(text == f"after replace {MANIFEST}" for _, text in seen)
        loaded = load_index(s.index_dir, s.corpus_dir, FakeEncoder())
        if swapped:
            assert loaded.manifest.build_id != current, f"killed after {seen[-1][1]!r}: the new build serves"
            current = loaded.manifest.build_id
        else:
            assert loaded.manifest.build_id == current, f"killed after {seen[-1][1]!r}: the old build serves"
        assert _answers(Engine.load(s)) == baseline, f"answers changed after a kill at {seen[-1][1]!r}"
    assert killed >= 5
    # The lock is not stuck and the next build clears what the killed builds left behind.
    build_index(s.corpus_dir, s.index_dir, FakeEncoder(), progress=False)
    assert _leftovers(s.index_dir) == []
    assert _answers(Engine.load(s)) == baseline


def test_build_killed_at_random_moments(served: tuple[Settings, Manifest, list[dict]]) -> None:
    """The plain `python -m clincalc_search build --quiet`, SIGKILLed after a random (seeded) delay."""
    s, first, baseline = served
    env = _env(s)
    cmd = [sys.executable, "-m", "clincalc_search", "build", "--quiet"]
    started = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, capture_output=True, timeout=120)
    full = time.perf_counter() - started
    rng = random.Random(8)
    outcomes = []
    for _ in range(6):
        before = read_manifest(s.index_dir).build_id
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.05, full * 1.1))
        finished = proc.poll() is not None
        if not finished:
            proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        after = load_index(s.index_dir, s.corpus_dir, FakeEncoder()).manifest.build_id
        outcomes.append("finished" if finished else "swapped" if after != before else "killed")
        if outcomes[-1] == "killed":
            assert after == before
        assert _answers(Engine.load(s)) == baseline, outcomes
    assert "killed" in outcomes, outcomes  # at least one kill landed mid-build
    build_index(s.corpus_dir, s.index_dir, FakeEncoder(), progress=False)
    assert _leftovers(s.index_dir) == []


# -- concurrent builds -------------------------------------------------------------------------------


def test_two_builds_at_once_are_serialised(served: tuple[Settings, Manifest, list[dict]]) -> None:
    s, _, baseline = served
    env = _env(s)
    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = list(pool.map(lambda _: _slow_build(env), range(2)))
    assert [status for _, status in runs] == [0, 0], runs
    # While one build writes, the other waits for the lock: their write phases never overlap.
    spans = sorted((markers[0][0], markers[-2][0]) for markers, _ in runs)  # first write .. manifest swap
    assert spans[0][1] < spans[1][0], f"write phases overlap: {spans}"
    loaded = load_index(s.index_dir, s.corpus_dir, FakeEncoder())
    assert _leftovers(s.index_dir) == []
    assert _answers(Engine.load(s)) == baseline
    assert loaded.manifest.chunk_count == 24


def test_serving_engine_keeps_answering_while_the_index_is_rebuilt(
        served: tuple[Settings, Manifest, list[dict]]) -> None:
    """An engine already loaded is not disturbed when rebuilds replace and delete the files it came from:
    4 threads keep asking for as long as 3 rebuilds take (and at least 100 questions each)."""
    s, _, baseline = served
    engine = Engine.load(s)
    builder = threading.Thread(target=lambda: [build_index(s.corpus_dir, s.index_dir, FakeEncoder(), progress=False)
                                               for _ in range(3)])

    def worker(w: int) -> list[tuple[int, dict]]:
        out = []
        while len(out) < 100 or (builder.is_alive() and len(out) < 20_000):
            k = (w + len(out)) % len(PROBES)
            out.append((k, engine.ask(PROBES[k]).model_dump()))
        return out

    builder.start()
    try:
        with ThreadPoolExecutor(max_workers=4) as pool:
            results = [pair for chunk in pool.map(worker, range(4)) for pair in chunk]
    finally:
        builder.join(timeout=60)
    assert read_manifest(s.index_dir).build_id != engine.manifest.build_id  # the files it loaded are gone
    assert all(answer == baseline[k] for k, answer in results)


def test_loading_while_a_rebuild_completes(served: tuple[Settings, Manifest, list[dict]],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    s, _, baseline = served
    real = index_store.read_manifest
    raced = []

    def read_then_rebuild(index_dir: Path) -> Manifest:
        manifest = real(index_dir)
        if not raced:  # exactly one rebuild lands between reading the manifest and opening its files
            raced.append(True)
            monkeypatch.setattr(index_store, "read_manifest", real)
            build_index(s.corpus_dir, s.index_dir, FakeEncoder(), progress=False)
        return manifest

    monkeypatch.setattr(index_store, "read_manifest", read_then_rebuild)
    assert _answers(Engine.load(s)) == baseline


# -- many questions at once ----------------------------------------------------------------------------


def test_many_threads_get_the_same_answers_as_one(engine: Engine) -> None:
    expected = {q: engine.ask(q).model_dump() for q in QUESTIONS}
    threads, per_thread = 8, 200

    def worker(t: int) -> list[tuple[str, dict]]:
        rng = random.Random(t)
        out = []
        for _ in range(per_thread):
            q = rng.choice(QUESTIONS)
            out.append((q, engine.ask(q).model_dump()))
        return out

    with ThreadPoolExecutor(max_workers=threads) as pool:
        results = [pair for chunk in pool.map(worker, range(threads)) for pair in chunk]
    assert len(results) == threads * per_thread
    wrong = [q for q, answer in results if answer != expected[q]]
    assert wrong == []


# -- a real Streamlit server ---------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_streamlit_server_under_bounded_load(served: tuple[Settings, Manifest, list[dict]], tmp_path: Path) -> None:
    s, _, _ = served
    port = _free_port()
    env, log = netblock_env(tmp_path / "net", _env(s, STREAMLIT_BROWSER_GATHER_USAGE_STATS="false"))
    cmd = [sys.executable, "-m", "streamlit", "run", "serve.py", "--server.port", str(port),
           "--server.address", "127.0.0.1", "--server.headless", "true"]
    server_log = tmp_path / "server.log"
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never via a proxy
    base = f"http://127.0.0.1:{port}"
    with open(server_log, "wb") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 45
        while True:
            try:
                with opener.open(f"{base}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.skip(f"streamlit did not come up on {base}: {server_log.read_text()[-2000:]}")
            time.sleep(0.25)

        total, stop_at = 200, time.monotonic() + 60
        paths = ["/", "/_stcore/health"]

        def fetch(i: int) -> tuple[str, int | str, bytes]:
            path = paths[i % 2]
            if time.monotonic() > stop_at:
                return path, "timeout budget spent", b""
            try:
                with opener.open(base + path, timeout=10) as r:
                    return path, r.status, r.read()
            except (OSError, urllib.error.HTTPError) as exc:
                return path, repr(exc), b""

        with ThreadPoolExecutor(max_workers=8) as pool:
            results = list(pool.map(fetch, range(total)))
        errors = [(p, st) for p, st, _ in results if st != 200]
        assert errors == [], errors[:5]
        assert all(body.strip() == b"ok" for p, _, body in results if p == "/_stcore/health")
        assert all(b"<!doctype html>" in body.lower() for p, _, body in results if p == "/")
        assert proc.poll() is None, "the server died under load"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=15)
    text = server_log.read_text(errors="replace")
    assert "Traceback" not in text, text[-3000:]
    assert attempts(log) == [], "the server tried to reach the network"

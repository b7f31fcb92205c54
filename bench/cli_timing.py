"""The real `clincalc-search` CLI as a user meets it: cold start, `--help` and warm questions over --jsonl."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.questions import Question
from bench.timing import run_timed

COLD_QUESTION = "what should I monitor on besponsa?"
COLD_DRUG = "inotuzumab ozogamicin"
# Between the floor and the CLI, so one process's idle threads are parked before the other runs. After each run
# ONNX Runtime's worker thread spins on a core for 40-50 ms (measured: process CPU time keeps growing at one core's
# rate for that long). At the 5 ms pause used until session 7, each side was timed while the other's spinning
# thread held one of the two cores: switching the other side's spinning off made the floor and the ask each about
# 1 ms faster.
PAUSE_S = 0.1


def cli_path() -> str:
    """The console script next to this interpreter (the venv's), else the one on PATH."""
    local = Path(sys.executable).parent / "clincalc-search"
    found = str(local) if local.exists() else shutil.which("clincalc-search")
    if not found:
        raise RuntimeError("clincalc-search is not installed in this environment: pip install -e .")
    return found


def cold_ask(env: dict[str, str]) -> tuple[float, bool]:
    """Wall time of one `ask QUESTION --json` process, and whether it answered with the expected drug."""
    wall, proc = run_timed([cli_path(), "ask", COLD_QUESTION, "--json"], env)
    answer = json.loads(proc.stdout)
    return wall, bool(answer["hits"]) and answer["drug"] == COLD_DRUG


def help_time(env: dict[str, str]) -> float:
    wall, _ = run_timed([cli_path(), "--help"], env)
    return wall


def encode_only_command() -> list[str]:
    """A child that only encodes each question (bench/encode_child.py): the harness's own floor. -P keeps bench/ off
    the child's import path, where its modules (timing, report) could shadow others."""
    return [sys.executable, "-P", str(Path(__file__).with_name("encode_child.py"))]


def warm_jsonl(env: dict[str, str], questions: list[Question], warmup: list[str],
               floor: Callable[[str], float], timeout: float = 600,
               command: list[str] | None = None) -> list[tuple[Question, float, bool, float]]:
    """One `ask --jsonl` process (or `command`, which speaks the same lines); each question is written alone and
    timed until its answer line is read back (write, read, repeat: writing all at once would pipeline them). Just
    before each, the floor (the bare model encoding the same question in this process) is timed, so both see the
    same machine load. Returns (question, seconds, refused, floor seconds) per timed question."""
    with tempfile.TemporaryFile() as err:
        command = command or [cli_path(), "ask", "--jsonl"]
        name = " ".join(Path(part).name for part in command)
        proc = subprocess.Popen(command, env=env, stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=err)
        assert proc.stdin is not None and proc.stdout is not None
        deadline = time.monotonic() + timeout

        def ask(text: str) -> tuple[float, dict[str, object]]:
            if time.monotonic() > deadline:
                raise TimeoutError(f"{name} took too long")
            t0 = time.perf_counter()
            proc.stdin.write(text.encode() + b"\n")  # type: ignore[union-attr]
            proc.stdin.flush()  # type: ignore[union-attr]
            line = proc.stdout.readline()  # type: ignore[union-attr]
            elapsed = time.perf_counter() - t0
            if not line:
                err.seek(0)
                raise RuntimeError(f"{name} stopped answering:\n{err.read().decode()[-3000:]}")
            answer = json.loads(line)
            if answer["question"] != text:
                raise RuntimeError(f"answer out of order: sent {text!r}, got {answer['question']!r}")
            return elapsed, answer

        try:
            for text in warmup:
                floor(text)  # the floor's first encode loads its session: both sides start warm
                ask(text)
            results = []
            for q in questions:
                bare = floor(q.text)
                time.sleep(PAUSE_S)
                elapsed, answer = ask(q.text)
                results.append((q, elapsed, bool(answer["refused"]), bare))
                time.sleep(PAUSE_S)
        finally:
            proc.stdin.close()
            proc.wait(timeout=60)
    return results

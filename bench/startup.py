"""Issue 13: the two floors (torch and ONNX) in fresh processes, resident memory of both query paths, the
faster build encoder, and the app's time from server start to its first answer."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from bench.cli_timing import COLD_QUESTION, cli_path
from bench.questions import Question
from bench.timing import REPO, run_timed, summarise

# The bare models, each encoding one question in a fresh interpreter: import, load, encode.
_TORCH_FLOOR = """
import json, time
t0 = time.perf_counter()
from clincalc_search.embedding import MiniLMEncoder
e = MiniLMEncoder()
t1 = time.perf_counter()
e.model
t2 = time.perf_counter()
e.encode([QUESTION])
t3 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "load_s": t2 - t1, "encode_s": t3 - t2}))
"""
_ONNX_FLOOR = """
import json, time
t0 = time.perf_counter()
from clincalc_search.onnx_encoder import OnnxEncoder
e = OnnxEncoder(MODEL_DIR)
t1 = time.perf_counter()
e.encode([QUESTION])
t2 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "load_and_encode_s": t2 - t1}))
"""
# `ask --jsonl` as it was before issue 13: the same engine with sentence-transformers encoding questions.
_TORCH_JSONL = """
import sys
from clincalc_search import engine
from clincalc_search.embedding import MiniLMEncoder
engine.make_encoder = lambda kind, model_dir=None: MiniLMEncoder()
from clincalc_search.cli import main
sys.exit(main(["ask", "--jsonl"]))
"""


def _floor(snippet: str, env: dict[str, str], model_dir: Path) -> dict[str, float]:
    code = snippet.replace("QUESTION", repr(COLD_QUESTION)).replace("MODEL_DIR", repr(str(model_dir)))
    wall, proc = run_timed([sys.executable, "-c", code], env)
    return {"wall_s": wall, **json.loads(proc.stdout.strip().splitlines()[-1])}


def torch_floor(env: dict[str, str], model_dir: Path) -> dict[str, float]:
    return _floor(_TORCH_FLOOR, env, model_dir)


def onnx_floor(env: dict[str, str], model_dir: Path) -> dict[str, float]:
    return _floor(_ONNX_FLOOR, env, model_dir)


def max_rss_jsonl(env: dict[str, str], questions: list[str], torch: bool) -> dict[str, float]:
    """Peak resident memory (the child's VmHWM, sampled every 10 ms) and wall time of one `ask --jsonl` process
    answering every question; stdin and stdout are files so no pipe fills up."""
    cmd = [sys.executable, "-c", _TORCH_JSONL] if torch else [cli_path(), "ask", "--jsonl"]
    with tempfile.TemporaryFile() as stdin, tempfile.TemporaryFile() as stdout, tempfile.TemporaryFile() as err:
        stdin.write("".join(q + "\n" for q in questions).encode())
        stdin.seek(0)
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdin=stdin, stdout=stdout, stderr=err)
        # The kernel's ru_maxrss survives fork and exec, so a child of this (large) bench process would report
        # at least the bench's own peak: read the child's own high-water mark (VmHWM, reset by exec) instead.
        peak_kb = 0
        while proc.poll() is None:
            peak_kb = max(peak_kb, _vm_hwm_kb(proc.pid))
            time.sleep(0.01)
        wall = time.perf_counter() - t0
        stdout.seek(0)
        answers = stdout.read().decode().splitlines()
        if proc.returncode != 0 or len(answers) != len(questions):
            err.seek(0)
            raise RuntimeError(f"ask --jsonl failed ({proc.returncode}):\n{err.read().decode()[-3000:]}")
    return {"max_rss_mb": peak_kb / 1024, "wall_s": wall, "questions": len(questions)}


def _vm_hwm_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            return next((int(line.split()[1]) for line in fh if line.startswith("VmHWM:")), 0)
    except (OSError, ValueError):
        return 0  # the process has just exited


def build_encoders(texts: list[str], model_dir: Path) -> dict[str, float]:
    """Seconds to batch-encode the same windows on each path, models already loaded (the build's choice)."""
    from clincalc_search.embedding import MiniLMEncoder
    from clincalc_search.onnx_encoder import OnnxEncoder

    out: dict[str, float] = {"windows": len(texts)}
    for name, encoder in (("onnx", OnnxEncoder(model_dir)), ("torch", MiniLMEncoder())):
        encoder.encode(texts[:4])  # load outside the timing
        t0 = time.perf_counter()
        encoder.encode(texts)
        out[f"{name}_s"] = time.perf_counter() - t0
    return out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# Streamlit's own floor: a one-line app that renders the text the answer is recognised by.
FLOOR_APP = 'import streamlit as st\nst.markdown("Liver function tests: " + st.query_params.get("q", ""))\n'


def app_first_answer(env: dict[str, str], timeout: float = 120, script: Path = REPO / "serve.py") -> dict[str, Any]:
    """Seconds from spawning `streamlit run serve.py` (what `make run` serves) to the first answer on the page:
    headless Chromium is started first and polls the URL with ?q=… until the monitoring section is rendered.
    Without Chromium, only the server's health check is timed. With script=a file holding FLOOR_APP, Streamlit's
    floor."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    driver = None
    if chromium and driver_path:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        options = webdriver.ChromeOptions()
        options.binary_location = chromium
        for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--disable-background-networking", "--no-first-run", "--window-size=1280,1600"):
            options.add_argument(flag)
        driver = webdriver.Chrome(service=Service(driver_path), options=options)
        driver.set_page_load_timeout(timeout)
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    result: dict[str, Any] = {"browser": driver is not None}
    t0 = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).status == 200:
                    break
            except OSError:
                time.sleep(0.02)
            if time.perf_counter() - t0 > timeout:
                raise TimeoutError("streamlit did not start")
        result["health_s"] = time.perf_counter() - t0
        if driver is not None:
            from urllib.parse import quote

            driver.get(f"{url}/?q={quote(COLD_QUESTION)}")
            while "Liver function tests" not in driver.page_source:
                if time.perf_counter() - t0 > timeout:
                    raise TimeoutError("the app did not answer")
                time.sleep(0.02)
            result["first_answer_s"] = time.perf_counter() - t0
    finally:
        server.terminate()
        server.wait(timeout=30)
        if driver is not None:
            driver.quit()
    return result


def _warm_summary(timed: list[tuple[Question, float, bool, float]]) -> dict[str, Any]:
    """p50s and the like of one warm run, over all its questions and over the drug+section ones (they all encode)."""
    encoded = [(s, b) for q, s, _, b in timed if q.category == "drug+section"]
    return {"all": summarise([s for _, s, _, _ in timed]), "floor": summarise([b for *_, b in timed]),
            "drug_section": summarise([s for s, _ in encoded]),
            "drug_section_floor": summarise([b for _, b in encoded]), "questions": len(timed)}


def measure(corpus: Path, tmp: Path, model_dir: Path, repeats: int, log: Any) -> dict[str, Any]:
    """Every issue-13 measure in one run, on a temporary index built on the ONNX path."""
    from bench import cli_timing, floor, questions
    from bench.timing import bench_env
    from clincalc_search.index_store import build_index
    from clincalc_search.onnx_encoder import OnnxEncoder

    encoder = OnnxEncoder(model_dir)
    log(f"ONNX export in {model_dir} (exported now only if missing)")
    encoder.ensure_exported()
    index_dir = tmp / "index-startup"
    if (REPO / "index" / "manifest.json").exists():  # unchanged windows come from its cache
        shutil.copytree(REPO / "index", index_dir, ignore=shutil.ignore_patterns(".build.lock"))
    log("build on the ONNX path")
    build_index(corpus, index_dir, encoder, progress=False)
    env = bench_env(corpus, index_dir)
    env["CLINCALC_MODEL_DIR"] = str(model_dir)

    log("untimed warm-up of the page cache: each floor once, one cold ask")
    torch_floor(env, model_dir)
    onnx_floor(env, model_dir)
    cli_timing.cold_ask(env)
    torch_runs, onnx_runs, asks, oks = [], [], [], []
    for i in range(repeats):
        log(f"torch floor, ONNX floor, cold ask ({i + 1}/{repeats})")
        torch_runs.append(torch_floor(env, model_dir))
        onnx_runs.append(onnx_floor(env, model_dir))
        wall, ok = cli_timing.cold_ask(env)
        asks.append(wall)
        oks.append(ok)
    res: dict[str, Any] = {"repeats": repeats, "torch_floor": torch_runs, "onnx_floor": onnx_runs,
                           "cold_ask": asks, "cold_ok": all(oks)}

    mix = questions.warm_mix(100)
    log(f"warm ask --jsonl over {len(mix)} questions, each after the bare ONNX encode of the same question")
    # The CLI, then a child that only encodes (what the harness adds beyond the floor), on the same questions.
    for key, command in (("warm", None), ("warm_encode_only", cli_timing.encode_only_command())):
        if command:
            log("the same harness on a child that only encodes each question")
        res[key] = _warm_summary(cli_timing.warm_jsonl(env, mix, questions.warmup_questions(),
                                                       lambda q: floor.encode_one(encoder, q), command=command))

    texts = [q.text for q in mix]
    log("peak memory of ask --jsonl over 100 questions, ONNX path then torch path")
    res["memory"] = {"onnx": max_rss_jsonl(env, texts, torch=False), "torch": max_rss_jsonl(env, texts, torch=True)}

    windows, _ = floor.window_texts(corpus)
    sample = windows[:: max(1, len(windows) // 300)][:300]
    log(f"batch encode of {len(sample)} windows on each path")
    res["build_encode"] = build_encoders(sample, model_dir)

    floor_app = tmp / "floor_app.py"
    floor_app.write_text(FLOOR_APP, encoding="utf-8")
    apps, floors = [], []
    for i in range(repeats):
        log(f"app and a one-line Streamlit app: server start to first answer ({i + 1}/{repeats})")
        floors.append(app_first_answer(env, script=floor_app))
        apps.append(app_first_answer(env))
    res["app"], res["app_floor"] = apps, floors
    return res


SECTION = "## Cold start without torch (issue 13)"


def _ms(seconds: float) -> str:
    # A warm question takes a few milliseconds: whole milliseconds would hide the ratio the row states.
    return f"{seconds * 1000:.2f} ms" if seconds < 0.01 else f"{seconds * 1000:.0f} ms" if seconds < 1 \
        else f"{seconds:.2f} s"


def report(res: dict[str, Any], machine: dict[str, str], date: str, command: str) -> str:
    """The issue-13 section of docs/PERFORMANCE.md: every ratio from this one run."""
    from bench.timing import median

    s = res
    torch_wall = median([r["wall_s"] for r in s["torch_floor"]])
    torch_load = median([r["import_s"] + r["load_s"] for r in s["torch_floor"]])
    onnx_wall = median([r["wall_s"] for r in s["onnx_floor"]])
    ask = median(s["cold_ask"])
    w = s["warm"]
    mem = s["memory"]
    saved = 1 - mem["onnx"]["max_rss_mb"] / mem["torch"]["max_rss_mb"]
    b = s["build_encode"]
    # Within a few per cent the two are the same speed on this machine (runs differ by more than that).
    apart = b["onnx_s"] / b["torch_s"] - 1
    pace = ("the same speed within 5 %" if abs(apart) < 0.05 else
            f"{abs(apart) * 100:.0f} % {'slower' if apart > 0 else 'faster'} than sentence-transformers")
    apps, floors = s["app"], s["app_floor"]
    health = _ms(median([a["health_s"] for a in apps]))
    if all("first_answer_s" in a for a in apps + floors):
        first, floor_first = (median([a["first_answer_s"] for a in runs]) for runs in (apps, floors))
        app_line = (f"{_ms(first)} (median of {len(apps)}) from spawning `streamlit run serve.py` (as `make run`) "
                    f"to the answer rendered in headless Chromium (`?q={COLD_QUESTION}`; health check after {health}) "
                    f"| a one-line Streamlit app, same browser and query, interleaved: {_ms(floor_first)} | "
                    f"+{_ms(first - floor_first)} |")
    else:
        app_line = f"server health check after {health} (no Chromium: first answer not timed) | | |"
    rows = [
        "| Measure | ClinCalc search | Floor | Ratio | Target |",
        "|---|---|---|---|---|",
        f"| Cold `ask \"…\" --json`, wall, median of {s['repeats']} | {_ms(ask)} | bare ONNX encode of one "
        f"question in a fresh process (import, session, encode), wall: {_ms(onnx_wall)} | "
        f"{ask / onnx_wall:.2f}× | ≤ 1.5× |",
        f"| Cold `ask \"…\" --json`, same runs | {_ms(ask)} | bare sentence-transformers load + encode in a fresh "
        f"process, wall: {_ms(torch_wall)} (import + load inside it: {_ms(torch_load)}) | "
        f"{ask / torch_wall:.2f}× of the wall; {ask / torch_load:.2f}× of import + load | ≤ 0.35× |",
        f"| Warm `ask --jsonl` p50, {w['questions']} questions | {_ms(w['all']['p50'])} | bare ONNX encode p50 of "
        f"the same questions, each just before it: {_ms(w['floor']['p50'])} | "
        f"{w['all']['p50'] / w['floor']['p50']:.2f}× | ≤ 1.3× |",
        f"| … drug+section questions only (they all encode) | {_ms(w['drug_section']['p50'])} | "
        f"{_ms(w['drug_section_floor']['p50'])} | {w['drug_section']['p50'] / w['drug_section_floor']['p50']:.2f}× | |",
        *([f"| A child that only encodes each question (`bench/encode_child.py`), same harness and questions: what "
           f"the pipe and the pause add beyond the floor's own wake-up | {_ms(e['all']['p50'])} | "
           f"{_ms(e['floor']['p50'])} | {e['all']['p50'] / e['floor']['p50']:.2f}× (drug+section "
           f"{e['drug_section']['p50'] / e['drug_section_floor']['p50']:.2f}×) | |"]
          if (e := s.get("warm_encode_only")) and "drug_section" in e else []),
        f"| Peak RSS, `ask --jsonl`, {mem['onnx']['questions']} questions | "
        f"ONNX path {mem['onnx']['max_rss_mb']:.0f} MiB "
        f"({_ms(mem['onnx']['wall_s'])}) | same engine encoding with sentence-transformers (the path before): "
        f"{mem['torch']['max_rss_mb']:.0f} MiB ({_ms(mem['torch']['wall_s'])}) | {saved:.0%} lower | ≥ 40 % lower |",
        f"| App, server start → first answer | {app_line} ≤ 2 s |",
    ]
    inner = ("Inside the floor processes (median): torch path — import of `clincalc_search.embedding` "
             f"{_ms(median([r['import_s'] for r in s['torch_floor']]))}, `.model` (torch, sentence-transformers "
             f"and weights) {_ms(median([r['load_s'] for r in s['torch_floor']]))}, first encode "
             f"{_ms(median([r['encode_s'] for r in s['torch_floor']]))}; ONNX path — import of "
             f"`clincalc_search.onnx_encoder` {_ms(median([r['import_s'] for r in s['onnx_floor']]))}, "
             "onnxruntime + session + tokenizer + first encode "
             f"{_ms(median([r['load_and_encode_s'] for r in s['onnx_floor']]))}. The cold answer was "
             f"{'the expected drug' if s['cold_ok'] else 'NOT the expected drug'}.")
    build = (f"Build encoder: {b['windows']:.0f} real windows batch-encoded with the model loaded took "
             f"{_ms(b['onnx_s'])} on ONNX Runtime and {_ms(b['torch_s'])} on sentence-transformers. Builds encode on "
             f"ONNX Runtime (`make_encoder(\"minilm\")` serves builds and questions alike), {pace}.")
    load = ", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in machine.items() if k.startswith("load"))
    return "\n\n".join([
        SECTION,
        f"Measured by `{command}` on {date}, on a shared 2-core machine ({load}), so absolute times can be "
        "inflated and noisy when other jobs run; the ratios set "
        "each measure against its floor measured in the same run, interleaved. Questions are encoded by the "
        "ONNX export of the same all-MiniLM-L6-v2 weights (`clincalc_search.onnx_encoder`); torch and "
        "sentence-transformers are imported only to export the model (once, at the first build) and as the "
        "reference in `tests/test_onnx_parity.py` (cosine ≥ 0.9999 on 420+ windows and questions).",
        "\n".join(rows), inner, build,
    ]) + "\n"


def replace_section(document: str, section: str) -> str:
    """The document with its issue-13 section replaced (or appended when it has none)."""
    start = document.find(SECTION)
    if start < 0:
        return document.rstrip("\n") + "\n\n" + section
    end = document.find("\n## ", start + len(SECTION))
    return document[:start] + section.rstrip("\n") + "\n" + (document[end:] if end >= 0 else "")

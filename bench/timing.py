"""Timing, percentile, subprocess and process-memory helpers shared by the benchmark modules."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from importlib import metadata
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
_STARTED = time.perf_counter()


def log(message: str) -> None:
    """Progress on stderr, so stdout stays the markdown report."""
    print(f"[bench {time.perf_counter() - _STARTED:7.1f}s] {message}", file=sys.stderr, flush=True)


def summarise(seconds: Sequence[float]) -> dict[str, float]:
    """Count, mean, median, tail percentiles and maximum of a list of durations in seconds."""
    a = np.asarray(seconds, dtype=np.float64)
    return {
        "n": int(a.size), "mean": float(a.mean()), "p50": float(np.percentile(a, 50)),
        "p95": float(np.percentile(a, 95)), "p99": float(np.percentile(a, 99)), "max": float(a.max()),
    }


def median(values: Sequence[float]) -> float:
    return float(np.median(np.asarray(values, dtype=np.float64)))


def timed_loop(call: Callable[[int], object], count: int, budget_s: float, min_count: int = 20,
               warmup: int = 2) -> list[float]:
    """Time call(i) for i in range(count), one at a time; stop early once budget_s is spent and
    min_count calls are timed. The first `warmup` calls run untimed."""
    for i in range(min(warmup, count)):
        call(i)
    times: list[float] = []
    start = time.perf_counter()
    for i in range(count):
        t0 = time.perf_counter()
        call(i)
        times.append(time.perf_counter() - t0)
        if len(times) >= min_count and time.perf_counter() - start > budget_s:
            break
    return times


def run_timed(cmd: Sequence[str], env: dict[str, str] | None, timeout: float = 900,
              cwd: Path | None = None) -> tuple[float, subprocess.CompletedProcess[str]]:
    """Wall time of one subprocess from spawn to exit (env None: inherit); raises with its stderr if it fails."""
    t0 = time.perf_counter()
    proc = subprocess.run(list(cmd), env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout,
                          check=False)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}:\n{proc.stderr[-3000:]}")
    return wall, proc


def bench_env(corpus_dir: Path, index_dir: Path) -> dict[str, str]:
    """Environment for child processes: the given corpus and index, the real model, fully offline."""
    env = dict(os.environ)
    env.update({
        "CLINCALC_CORPUS_DIR": str(corpus_dir), "CLINCALC_INDEX_DIR": str(index_dir),
        "CLINCALC_ENCODER": "minilm", "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1",
        "HF_HUB_DISABLE_TELEMETRY": "1", "TOKENIZERS_PARALLELISM": "false",
    })
    return env


def _status_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def rss_mb() -> float:
    """Resident memory of this process now (VmRSS), in MiB."""
    return _status_kb("VmRSS") / 1024


def peak_rss_mb() -> float:
    """Highest resident memory of this process so far (VmHWM), in MiB."""
    return _status_kb("VmHWM") / 1024


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _mem_total_gib() -> float:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            return int(line.split()[1]) / 1024**2
    return 0.0


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def machine() -> dict[str, str]:
    """What the numbers were measured on: platform, CPU, cores, memory, load and library versions."""
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return {
        "platform": platform.platform(), "cpu": _cpu_model(), "cpu_count": str(os.cpu_count()),
        "memory": f"{_mem_total_gib():.1f} GiB", "python": platform.python_version(),
        "load_average_at_start": load,
        "libraries": ", ".join(f"{p} {_version(p)}" for p in (
            "torch", "sentence-transformers", "faiss-cpu", "bm25s", "numpy")),
    }

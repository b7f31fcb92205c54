"""The floor: the bare model's load time in a fresh process and its per-question and batch encode times."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from bench.timing import run_timed

if TYPE_CHECKING:
    from clincalc_search.embedding import MiniLMEncoder

_LOAD = """
import json, time
t0 = time.perf_counter()
from clincalc_search.embedding import MiniLMEncoder
t1 = time.perf_counter()
MiniLMEncoder().model
t2 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "model_s": t2 - t1}))
"""


def model_load(env: dict[str, str]) -> dict[str, float]:
    """`MiniLMEncoder().model` in a fresh interpreter: wall time of the whole process, and the
    in-process time of the import and of the `.model` load."""
    wall, proc = run_timed([sys.executable, "-c", _LOAD], env)
    inner = json.loads(proc.stdout.strip().splitlines()[-1])
    return {"wall_s": wall, **inner}


def python_startup(env: dict[str, str]) -> float:
    """Wall time of a bare `python -c pass`: the floor for `--help`."""
    wall, _ = run_timed([sys.executable, "-c", "pass"], env)
    return wall


def per_question(encoder: MiniLMEncoder, questions: list[str], warmup: int = 10) -> tuple[list[float], np.ndarray]:
    """Encode each question alone (batch of 1) after a warm-up; returns the times and the vectors."""
    for q in questions[:warmup]:
        encoder.encode([q])
    times: list[float] = []
    vectors: list[np.ndarray] = []
    for q in questions:
        t0 = time.perf_counter()
        v = encoder.encode([q])
        times.append(time.perf_counter() - t0)
        vectors.append(v[0])
    return times, np.stack(vectors).astype(np.float32)


def encode_one(encoder: MiniLMEncoder, question: str) -> float:
    """Seconds for the bare model to encode one question (batch of 1)."""
    t0 = time.perf_counter()
    encoder.encode([question])
    return time.perf_counter() - t0


def window_texts(corpus_dir: Path) -> tuple[list[str], np.ndarray]:
    """The texts a build embeds, in build order, and the chunk that owns each (as index_store._embed)."""
    from clincalc_search.chunking import chunk_monographs, windows
    from clincalc_search.corpus import load_corpus

    monographs, _ = load_corpus(corpus_dir / "monographs")
    brands = {m.name: m.brands for m in monographs}
    texts: list[str] = []
    owners: list[int] = []
    for chunk in chunk_monographs(monographs):
        for text in windows(chunk, brands[chunk.drug]):
            texts.append(text)
            owners.append(chunk.id)
    return texts, np.asarray(owners, dtype=np.int32)


def batch_encode(encoder: MiniLMEncoder, texts: list[str]) -> tuple[float, np.ndarray]:
    """encoder.encode(texts): the same call and batch size a build makes for a cold cache."""
    t0 = time.perf_counter()
    vectors = encoder.encode(texts)
    return time.perf_counter() - t0, vectors

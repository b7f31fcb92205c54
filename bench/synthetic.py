"""Synthetic chunks from the real corpus: noisy copies of real window vectors and sentence-shuffled sections."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

# Norm of the Gaussian perturbation added to each unit vector before renormalising: a synthetic vector
# keeps a cosine of about 1/sqrt(1 + NOISE**2) ≈ 0.89 with the real window it was made from.
NOISE = 0.5
MAX_SENTENCES = 16
_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+")
_BLOCK = 100_000


@dataclass(frozen=True)
class Template:
    """One real section: what BM25 sees before its text (names and title), its key and sentence count."""

    prefix: str
    key: str
    sentences: int


def templates(corpus_dir: Path) -> tuple[list[Template], dict[str, list[str]]]:
    """A template per real chunk (by chunk id) and every real sentence, pooled by section key."""
    from clincalc_search.chunking import chunk_monographs
    from clincalc_search.corpus import load_corpus

    monographs, _ = load_corpus(corpus_dir / "monographs")
    by_name = {m.name: m for m in monographs}
    pools: dict[str, list[str]] = {}
    out: list[Template] = []
    for chunk in chunk_monographs(monographs):
        parts = [s.strip() for s in _SPLIT.split(chunk.text) if s.strip()]
        pools.setdefault(chunk.section, []).extend(parts)
        m = by_name[chunk.drug]
        names = " ".join([chunk.drug, *m.other_names, *m.brands, chunk.title])
        out.append(Template(names, chunk.section, min(len(parts), MAX_SENTENCES)))
    return out, pools


def texts(chunk_ids: np.ndarray, temps: list[Template], pools: dict[str, list[str]],
          rng: np.random.Generator, max_words: int | None = None) -> list[str]:
    """For each synthetic chunk, its template's names and title, then as many sentences as the template
    has, drawn at random from all real sections of the same kind (so sentences are recombined)."""
    out: list[str] = []
    for start in range(0, len(chunk_ids), _BLOCK):
        ids = chunk_ids[start : start + _BLOCK].tolist()
        draws = rng.integers(0, 2**31 - 1, size=(len(ids), MAX_SENTENCES)).tolist()
        for c, row in zip(ids, draws, strict=True):
            t = temps[c]
            pool = pools[t.key]
            body = " ".join(pool[r % len(pool)] for r in row[: t.sentences])
            if max_words:
                body = " ".join(body.split()[:max_words])
            out.append(f"{t.prefix} {body}")
    return out


def vectors(rows: np.ndarray, base: np.ndarray, rng: np.random.Generator, noise: float = NOISE) -> np.ndarray:
    """base[rows] plus Gaussian noise of expected norm `noise`, renormalised to unit length (float32)."""
    n, dim = len(rows), base.shape[1]
    out = np.empty((n, dim), dtype=np.float32)
    sigma = np.float32(noise / np.sqrt(dim))
    for start in range(0, n, _BLOCK):
        end = min(n, start + _BLOCK)
        block = base[rows[start:end]] + rng.standard_normal((end - start, dim), dtype=np.float32) * sigma
        block /= np.linalg.norm(block, axis=1, keepdims=True)
        out[start:end] = block
    return out

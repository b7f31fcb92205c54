"""Fuse sparse and dense scores into one ranking."""

from __future__ import annotations

import numpy as np

RRF_K = 60
# Weight of the dense score in the convex fusion; chosen on eval/queries.jsonl (docs/EVALUATION.md), where it
# beat reciprocal rank fusion and both retrievers alone, and confirmed on the held-out set.
DENSE_WEIGHT = 0.7


def ranks(scores: np.ndarray, candidates: np.ndarray) -> np.ndarray:
    """1-based rank of each candidate by score (best = 1); non-candidates get a large rank."""
    out = np.full(scores.shape, 1e9, dtype=np.float64)
    order = candidates[np.argsort(-scores[candidates], kind="stable")]
    out[order] = np.arange(1, len(order) + 1)
    return out


def reciprocal_rank_fusion(sparse: np.ndarray, dense: np.ndarray, candidates: np.ndarray) -> np.ndarray:
    fused = np.zeros(sparse.shape, dtype=np.float64)
    for scores in (sparse, dense):
        fused += 1.0 / (RRF_K + ranks(scores, candidates))
    return fused


def convex(sparse: np.ndarray, dense: np.ndarray, candidates: np.ndarray, alpha: float = DENSE_WEIGHT
           ) -> np.ndarray:
    """alpha·dense + (1−alpha)·sparse, each min-max normalised over the candidates."""
    def norm(x: np.ndarray) -> np.ndarray:
        c = x[candidates]
        lo, hi = float(c.min()), float(c.max())
        out = np.zeros(x.shape, dtype=np.float64)
        out[candidates] = (c - lo) / (hi - lo) if hi > lo else 0.0
        return out

    return alpha * norm(dense) + (1 - alpha) * norm(sparse)


def top(scores: np.ndarray, candidates: np.ndarray, k: int) -> np.ndarray:
    """The k best candidates, best first, without sorting all of them (a million sections at scale)."""
    values = scores[candidates]
    if k < len(candidates):
        keep = np.argpartition(-values, k)[:k]
        return candidates[keep[np.argsort(-values[keep], kind="stable")]]
    return candidates[np.argsort(-values, kind="stable")]

"""What both learned models' training tools build alike: the feature matrix [unit embedding x scale | hashed word
and char n-grams | the model's own block] and the hashes of the data files the weights came from. The n-grams are
dose_model.features(), the query-time function, so training and answering read a question the same way."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from clincalc_search.dose_model import CHAR_FEATURES, WORD_FEATURES, features


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def feature_matrix(vectors: np.ndarray, texts: list[str], block: np.ndarray, scale: float) -> sp.csr_matrix:
    """One row per text: its embedding made a unit vector and scaled, its l2-normalised n-gram blocks, then
    `block` (the rule decision for the dose model, the plan's reading for the section model)."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    embedding = scale * vectors / np.where(norms == 0, 1, norms)
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for i, text in enumerate(texts):
        index, values = features(text)
        rows += [i] * len(index)
        cols += index
        vals += values
    ngrams = sp.csr_matrix((vals, (rows, cols)), shape=(len(texts), WORD_FEATURES + CHAR_FEATURES))
    return sp.hstack([sp.csr_matrix(embedding), ngrams, sp.csr_matrix(block)]).tocsr()

"""BM25 over sections with bm25s; drug names, brands and section titles are part of each document."""

from __future__ import annotations

import re

import numpy as np

_TOKEN = re.compile(r"[a-z0-9]+")
_STOPWORDS = frozenset(
    "a an and are as at be by can do does for from has have how i if in is it its my of on or should "
    "that the their them there they this to was what when where which who why will with you your me "
    "tell about any".split()
)


def tokenize(text: str) -> list[str]:
    return [t for t in _TOKEN.findall(text.casefold()) if t not in _STOPWORDS]


class SparseIndex:
    def __init__(self, documents: list[str]) -> None:
        import bm25s

        self._bm25 = bm25s.BM25()
        tokens = [tokenize(d) or ["_empty_"] for d in documents]
        self._bm25.index(tokens, show_progress=False)
        self.vocabulary: set[str] = {t for doc in tokens for t in doc}
        self.size = len(documents)

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every document (zeros when no query word is in the corpus)."""
        words = [t for t in tokenize(query) if t in self.vocabulary]
        if not words:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self._bm25.get_scores(words), dtype=np.float32)

"""BM25 over sections with bm25s; drug names, brands and section titles are part of each document."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path

import numpy as np

_TOKEN = re.compile(r"[a-z0-9]+")
_STOPWORDS = frozenset(
    "a an and are as at be by can do does for from has have how i if in is it its my of on or should "
    "that the their them there they this to was what when where which who why will with you your me "
    "tell about any".split()
)


def tokenize(text: str) -> list[str]:
    """Whole words, unstemmed: used to tell which words the corpus prose uses (drug recognition)."""
    return [t for t in _TOKEN.findall(text.casefold()) if t not in _STOPWORDS]


@cache
def _stemmer() -> object:
    import Stemmer

    return Stemmer.Stemmer("english")


@cache
def _stopwords() -> list[str]:
    """bm25s's English stopwords plus the question words it keeps ("why", "who"): they ask, they name nothing."""
    from bm25s.stopwords import STOPWORDS_EN

    return sorted({*STOPWORDS_EN, *_STOPWORDS, "why", "who", "whom", "what", "which", "how", "when", "where"})


def stems(texts: list[str]) -> list[list[str]]:
    """bm25s's own tokenizer with a Snowball stemmer, so "effusions" meets "effusion" and "monitored"
    meets "monitoring"; the same function serves the index, the query and section evidence."""
    import bm25s

    return bm25s.tokenize(texts, stopwords=_stopwords(), stemmer=_stemmer().stemWords,  # type: ignore[attr-defined]
                          return_ids=False, show_progress=False)


@lru_cache(maxsize=8192)
def stem_text(text: str) -> tuple[str, ...]:
    """The stems of one short text (a question, a cue phrase), remembered: cue phrases recur in almost every
    question, and bm25s sets up a progress bar object on each call even when it shows none."""
    return tuple(stems([text])[0])


class SparseIndex:
    def __init__(self, bm25: object, size: int) -> None:
        self._bm25 = bm25
        self.vocabulary: set[str] = set(bm25.vocab_dict)  # type: ignore[attr-defined]
        self.size = size

    @classmethod
    def build(cls, documents: list[str]) -> SparseIndex:
        import bm25s

        bm25 = bm25s.BM25()
        bm25.index([tokens or ["_empty_"] for tokens in stems(documents)], show_progress=False)
        return cls(bm25, len(documents))

    @classmethod
    def load(cls, folder: Path, size: int) -> SparseIndex:
        import bm25s

        return cls(bm25s.BM25.load(str(folder), mmap=True), size)

    def save(self, folder: Path) -> None:
        self._bm25.save(str(folder))  # type: ignore[attr-defined]

    def scores(self, query: str | list[str]) -> np.ndarray:
        """BM25 score of every document (zeros when no query word is in the corpus). Takes the question or
        its stems, so a caller that already stemmed it does not stem it twice."""
        tokens = stem_text(query) if isinstance(query, str) else query
        words = [t for t in tokens if t in self.vocabulary]
        if not words:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self._bm25.get_scores(words), dtype=np.float32)  # type: ignore[attr-defined]

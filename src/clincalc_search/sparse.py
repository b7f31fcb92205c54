"""BM25 over sections with bm25s; drug names, brands and section titles are part of each document."""

from __future__ import annotations

import json
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


# bm25s's tokenizer, restated here so a question is stemmed without importing bm25s (and through it scipy,
# a quarter of a second of a cold start); tests pin both to bm25s's own output.
_BM25S_TOKEN = re.compile(r"(?u)\b\w\w+\b")
# bm25s's English stopwords (bm25s.stopwords.STOPWORDS_EN), plus ours and the question words it keeps
# ("why", "who"): they ask, they name nothing.
_BM25S_STOPWORDS_EN = frozenset(
    "a an and are as at be but by for if in into is it no not of on or such that the their then there these "
    "they this to was will with".split())
STOPWORDS = frozenset({*_BM25S_STOPWORDS_EN, *_STOPWORDS, "why", "who", "whom", "what", "which", "how", "when",
                       "where"})


@cache
def _stemmer() -> object:
    import Stemmer

    return Stemmer.Stemmer("english")


def stems(texts: list[str]) -> list[list[str]]:
    """Lower-cased words of two or more characters, stopwords dropped, Snowball-stemmed, so "effusions" meets
    "effusion" and "monitored" meets "monitoring"; the same function serves the index, the query and section
    evidence (it equals bm25s.tokenize with this stopword list and stemmer)."""
    stem_words = _stemmer().stemWords  # type: ignore[attr-defined]
    words = [[w for w in _BM25S_TOKEN.findall(text.lower()) if w not in STOPWORDS] for text in texts]
    unique = list(dict.fromkeys(w for ws in words for w in ws))
    stemmed = dict(zip(unique, stem_words(unique), strict=True))
    return [[stemmed[w] for w in ws] for ws in words]


@lru_cache(maxsize=8192)
def stem_text(text: str) -> tuple[str, ...]:
    """The stems of one short text (a question, a cue phrase), remembered: cue phrases recur in almost every
    question."""
    return tuple(stems([text])[0])


class SparseIndex:
    """BM25 scores of every (stem, section) pair, as bm25s computes and saves them (a CSC matrix: one column of
    section scores per stem). Built with bm25s; loaded and scored with numpy alone, exactly as bm25s's
    get_scores does, so the query path never imports bm25s."""

    def __init__(self, vocab: dict[str, int], data: np.ndarray, indices: np.ndarray, indptr: np.ndarray,
                 size: int, bm25: object | None = None) -> None:
        self._vocab = vocab
        self._data, self._indices, self._indptr = data, indices, indptr
        self._bm25 = bm25  # the bm25s object while building, to save it in its own format
        self.vocabulary: set[str] = set(vocab)
        self.size = size

    @classmethod
    def build(cls, documents: list[str]) -> SparseIndex:
        import bm25s

        bm25 = bm25s.BM25()
        bm25.index([tokens or ["_empty_"] for tokens in stems(documents)], show_progress=False)
        scores = bm25.scores  # type: ignore[attr-defined]
        return cls(dict(bm25.vocab_dict), scores["data"], scores["indices"], scores["indptr"],  # type: ignore[attr-defined]
                   len(documents), bm25)

    @classmethod
    def load(cls, folder: Path, size: int) -> SparseIndex:
        params = json.loads((folder / "params.index.json").read_bytes())
        if params.get("method") != "lucene" or params.get("num_docs") != size:
            raise ValueError(f"BM25 index {params.get('method')!r} over {params.get('num_docs')} documents")
        # bm25s adds "" to the vocabulary (an empty document's token) with no column of its own.
        vocab = {w: i for w, i in json.loads((folder / "vocab.index.json").read_bytes()).items() if w}
        # Plain views of the memory maps: slicing a np.memmap per query word costs Python-level bookkeeping.
        data, indices, indptr = (np.load(folder / f"{name}.csc.index.npy", mmap_mode="r").view(np.ndarray)
                                 for name in ("data", "indices", "indptr"))
        if (len(data) != len(indices) or len(indptr) == 0 or indptr[-1] != len(data)
                or max(vocab.values(), default=-1) >= len(indptr) - 1):
            raise ValueError("BM25 arrays do not fit their vocabulary")
        return cls(vocab, data, indices, indptr, size)

    def save(self, folder: Path) -> None:
        assert self._bm25 is not None, "only a freshly built index is saved"
        self._bm25.save(str(folder))  # type: ignore[attr-defined]

    def documents_with(self, stems: tuple[str, ...] | list[str]) -> np.ndarray:
        """The documents that use any of the stems."""
        columns = [self._vocab[t] for t in stems if t in self._vocab]
        return np.unique(np.concatenate([self._indices[self._indptr[i] : self._indptr[i + 1]] for i in columns]
                                        or [np.zeros(0, dtype=np.int64)]))

    def scores(self, query: str | list[str]) -> np.ndarray:
        """BM25 score of every document (zeros when no query word is in the corpus). Takes the question or
        its stems, so a caller that already stemmed it does not stem it twice. A repeated stem counts each
        time, as in bm25s."""
        tokens = stem_text(query) if isinstance(query, str) else query
        out = np.zeros(self.size, dtype=np.float32)
        for i in (self._vocab[t] for t in tokens if t in self._vocab):
            a, b = self._indptr[i], self._indptr[i + 1]
            # A document occurs once per word's column, so a plain indexed add is exact; word by word, each
            # document's sum is taken in the same order (and float32 rounding) as bm25s's np.add.at.
            out[self._indices[a:b]] += self._data[a:b]
        return out

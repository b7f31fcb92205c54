"""Dense search: section windows in FAISS, scored per section as the best of its windows."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import faiss

# Exact search scores every vector; an approximate index is asked for this many and the rest score -1.
ANN_FETCH = 1000


class DenseIndex:
    def __init__(self, index: faiss.Index | None, owners: np.ndarray, vectors: np.ndarray, n_chunks: int) -> None:
        self.index = index
        self.owners = owners
        self.vectors = vectors  # the same vectors as the index, kept for exact scoring of a few sections
        self.n_chunks = n_chunks
        self.exact = index is None or type(index).__name__.startswith("IndexFlat")
        # Rows of each chunk, grouped: chunk c owns rows _order[_starts[c]:_starts[c + 1]].
        self._order = np.argsort(owners, kind="stable")
        self._starts = np.searchsorted(owners[self._order], np.arange(n_chunks + 1))
        # Builds write windows in chunk order, so each chunk's rows are one run and reduceat can take maxima.
        self._runs = bool(np.all(owners[1:] >= owners[:-1])) and len(np.unique(owners)) == n_chunks

    def rows(self, chunk_ids: np.ndarray) -> np.ndarray:
        return np.concatenate([self._order[self._starts[c] : self._starts[c + 1]] for c in chunk_ids])

    def scores(self, query_vector: np.ndarray, candidates: np.ndarray | None = None) -> np.ndarray:
        """Cosine score per section (best window). With candidates, those sections are scored exactly;
        otherwise the index is searched and sections it did not return get -1."""
        out = np.full(self.n_chunks, -1.0, dtype=np.float32)
        q = query_vector.astype(np.float32)
        if candidates is not None and len(candidates) < self.n_chunks:
            rows = self.rows(candidates)
            np.maximum.at(out, self.owners[rows], self.vectors[rows] @ q)
            return out
        if self.exact:
            # Every vector scores anyway, so one matrix product beats asking FAISS to sort them all.
            sims = np.asarray(self.vectors) @ q
            if self._runs:
                return np.maximum.reduceat(sims, self._starts[:-1]).astype(np.float32)
            np.maximum.at(out, self.owners, sims)
            return out
        assert self.index is not None  # an approximate index is always loaded
        sims, found = self.index.search(q.reshape(1, -1), min(ANN_FETCH, self.index.ntotal))
        valid = found[0] >= 0
        np.maximum.at(out, self.owners[found[0][valid]], sims[0][valid])  # repeated ids keep their best
        return out

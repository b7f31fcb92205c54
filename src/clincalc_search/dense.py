"""Dense search: section windows in FAISS, scored per section as the best of its windows."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import faiss


class DenseIndex:
    def __init__(self, index: faiss.Index, owners: np.ndarray, n_chunks: int) -> None:
        self.index = index
        self.owners = owners
        self.n_chunks = n_chunks

    def scores(self, query_vector: np.ndarray, k: int | None = None) -> np.ndarray:
        """Cosine score per section (best window); sections outside the top k windows get -1."""
        k = min(k or self.index.ntotal, self.index.ntotal)
        sims, rows = self.index.search(query_vector.reshape(1, -1).astype(np.float32), k)
        out = np.full(self.n_chunks, -1.0, dtype=np.float32)
        valid = rows[0] >= 0
        # Windows of one section: keep its best. np.maximum.at handles repeated section ids.
        np.maximum.at(out, self.owners[rows[0][valid]], sims[0][valid])
        return out

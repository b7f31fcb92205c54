"""Section evidence: which of a drug's sections discuss the specific things a question names (an adverse
effect, a test, a trial). The intent table is the prior; this is what overrides it."""

from __future__ import annotations

import math
from collections import Counter

from clincalc_search.models import Chunk
from clincalc_search.sparse import stems

# A stem found in more than this share of all sections is too common to point at one ("risk", "patient").
SPECIFIC_SHARE = 0.04


class SectionEvidence:
    def __init__(self, chunks: list[Chunk], name_words: list[str]) -> None:
        self._stems = [set(tokens) for tokens in stems([c.text for c in chunks])]
        self._df = Counter(stem for tokens in self._stems for stem in tokens)
        self._limit = max(3, int(SPECIFIC_SHARE * len(chunks)))
        self._n = len(chunks)
        # Drug names and brands appear in their own sections; they say whose section, never which one.
        self._names = {s for tokens in stems(name_words) for s in tokens}

    def specific(self, question_stems: list[str]) -> list[str]:
        return [t for t in dict.fromkeys(question_stems)
                if t not in self._names and 0 < self._df.get(t, 0) <= self._limit]

    def weight(self, terms: list[str], chunk_id: int) -> float:
        """Sum of the inverse document frequencies of the terms this section contains."""
        return sum(math.log(self._n / self._df[t]) for t in terms if t in self._stems[chunk_id])

    def terms_in(self, terms: list[str], chunk_id: int) -> list[str]:
        return [t for t in terms if t in self._stems[chunk_id]]

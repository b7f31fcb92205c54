"""Section evidence: which of a drug's sections discuss the specific things a question names (an adverse
effect, a test, a trial). The intent table is the prior; this is what overrides it."""

from __future__ import annotations

import math
from functools import lru_cache

from clincalc_search.corpus_tables import CorpusTables, specific_limit


class SectionEvidence:
    def __init__(self, tables: CorpusTables) -> None:
        self._lists = tables.stem_sections
        self._limit = specific_limit(tables.section_count)
        self._n = tables.section_count
        # Drug names and brands appear in their own sections; they say whose section, never which one.
        self._names = {s for stems in tables.name_stems.values() for s in stems}
        self._sections = lru_cache(maxsize=4096)(self._sections_of)

    def _sections_of(self, stem: str) -> frozenset[int]:
        return frozenset(self._lists.get(stem, ()))

    def specific(self, question_stems: list[str]) -> list[str]:
        """The question's stems used by a few sections only (a stem in more names a topic, not a section)."""
        return [t for t in dict.fromkeys(question_stems)
                if t not in self._names and 0 < len(self._lists.get(t, ())) <= self._limit]

    def weight(self, terms: list[str], chunk_id: int) -> float:
        """Sum of the inverse document frequencies of the terms this section contains."""
        return sum(math.log(self._n / len(self._lists[t])) for t in terms if chunk_id in self._sections(t))

    def terms_in(self, terms: list[str], chunk_id: int) -> list[str]:
        return [t for t in terms if chunk_id in self._sections(t)]

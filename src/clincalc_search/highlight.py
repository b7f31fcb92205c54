"""Which lines of a section answer the question: bullets and sentences scored against it, offsets into the text."""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np

# A list item's marker stays outside its unit: "- " or "1. " is layout, not the line that answers.
_BULLET = re.compile(r"[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+")
# A sentence ends at . ! or ? followed by space and a capital, digit or opening quote/bracket.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]?\s+(?=[\"'“‘(]?[A-Z0-9])")
# Words whose full stop does not end a sentence.
_ABBREVIATIONS = frozenset("al e.g i.e eg ie vs approx dr st etc no fig cf ca incl".split())
# Words that ask for a section rather than for a line in it ("warfarin monitoring", "lithium counselling") and
# question words: with the drug's own names they are taken out of the question's terms, and a question left
# with no terms has no line that stands out.
_SECTION_WORDS = ("monitor monitored monitoring check checks checked counsel counselling counseling advice "
                  "advise tell told patient patients evidence guideline guidelines guidance trial trials "
                  "work works working mechanism action prescribe prescribing overview use used uses "
                  "information info know need needs needed drug drugs medicine medication "
                  # Question words the BM25 stopword list keeps: they point at no line.
                  "how does do what which why when who should would could can may might me my about so "
                  "please much many really actually")

# Scoring, tuned on eval/highlights_dev.jsonl (`clincalc-search eval --highlights`): cosine of question and
# unit, plus TERM_WEIGHT for each question term the unit shares, divided by how many of the section's units
# share it. On that set TERM_WEIGHT 0.15-0.2, MIN_SCORE 0.2-0.25 and MARGIN 0-0.02 scored alike; the middle
# of each range is kept, since a margin also guards against near-ties the set does not cover.
TERM_WEIGHT = 0.15
# A unit stands out when it scores at least MIN_SCORE and leads the next unit by MARGIN.
MIN_SCORE = 0.25
MARGIN = 0.02
# At most this many units are marked together (a pair that leads the rest by MARGIN is marked as a pair).
MAX_MARKED = 2


def unit_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of a section's units: each list item (without its marker), and each sentence of
    every other line. Spans never include surrounding whitespace and never cross a line."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        end = pos + len(body.rstrip())
        marker = _BULLET.match(body)
        if marker and marker.end() < len(body.rstrip()):
            spans.append((pos + marker.end(), end))
        elif body.strip():
            start = pos + len(body) - len(body.lstrip())
            for m in _SENTENCE_END.finditer(text, start, end):
                words = text[start : m.start()].split()
                if words and words[-1].casefold().rstrip(".") in _ABBREVIATIONS:
                    continue
                spans.append((start, m.start() + len(m.group(0).rstrip())))
                start = m.end()
            if start < end:
                spans.append((start, end))
        pos += len(line)
    return spans


def section_words() -> set[str]:
    from clincalc_search.sparse import stems

    return set(stems([_SECTION_WORDS])[0])


class Highlighter:
    """Unit vectors and stems of every section, as built into the index, grouped by chunk id."""

    def __init__(self, spans: np.ndarray, vectors: np.ndarray, unit_stems: list[list[str]],
                 names: dict[int, set[str]], vocabulary: set[str]) -> None:
        self.spans = spans  # rows of (chunk id, start, end), in chunk order
        self.vectors = vectors
        self.stems = [frozenset(s) for s in unit_stems]
        self.names = names  # chunk id → stems of its drug's names: they pick no line within the section
        # Words the corpus never uses (a misspelt brand, "please") cannot point at a line either.
        self.vocabulary = vocabulary - section_words()
        self._starts = np.searchsorted(spans[:, 0], np.arange(len(names) + 1))

    def terms(self, question_stems: Iterable[str], chunk_id: int) -> set[str]:
        """The question's words that could single out a line of this chunk."""
        return (set(question_stems) & self.vocabulary) - self.names.get(chunk_id, set())

    def scores(self, question_vector: np.ndarray, terms: set[str], chunk_id: int) -> np.ndarray:
        """One score per unit of the chunk, in text order."""
        lo, hi = int(self._starts[chunk_id]), int(self._starts[chunk_id + 1])
        cosine = np.asarray(self.vectors[lo:hi], dtype=np.float32) @ question_vector.astype(np.float32)
        shared = [terms & u for u in self.stems[lo:hi]]
        spread = {t: sum(t in s for s in shared) for t in terms}
        bonus = np.array([sum(1.0 / spread[t] for t in s) for s in shared], dtype=np.float64)
        return cosine.astype(np.float64) + TERM_WEIGHT * bonus

    def highlights(self, question_vector: np.ndarray | None, question_stems: Iterable[str], chunk_id: int
                   ) -> list[tuple[int, int]]:
        """Spans (start, end) of the chunk's units that stand out for the question, best first; empty when
        none does (a bare drug name, a question that only names a section, a one-line section)."""
        terms = self.terms(question_stems, chunk_id)
        if question_vector is None or not terms or not 0 <= chunk_id < len(self._starts) - 1:
            return []  # nothing asked beyond the drug and the section: the whole section is the answer
        scores = self.scores(question_vector, terms, chunk_id)
        if len(scores) < 2:
            return []
        lo = int(self._starts[chunk_id])
        order = np.argsort(-scores, kind="stable")
        ranked = np.append(scores[order], -np.inf)
        for k in range(1, min(MAX_MARKED, len(scores) - 1) + 1):
            if ranked[k - 1] >= MIN_SCORE and ranked[k - 1] - ranked[k] >= MARGIN:
                return [(int(self.spans[lo + i, 1]), int(self.spans[lo + i, 2])) for i in order[:k]]
        return []

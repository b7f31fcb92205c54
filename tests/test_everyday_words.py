"""The word lists a build reads, in the order their ranks are defined by."""

from __future__ import annotations

from clincalc_search import everyday_words
from clincalc_search.drugs import normalise


def test_ranked_is_most_frequent_first_ties_alphabetical() -> None:
    counts = everyday_words.counts("es")
    assert len(set(counts.values())) < len(counts)  # ties to break
    by_definition = sorted(counts, key=lambda w: (-counts[w], w))
    assert everyday_words.ranked("es") == tuple(dict.fromkeys(map(normalise, by_definition)))

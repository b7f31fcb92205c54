"""The word lists a build reads, in the order their ranks are defined by."""

from __future__ import annotations

import gzip
import json
from importlib import resources

from clincalc_search import everyday_words
from clincalc_search.drugs import normalise


def test_ranked_is_most_frequent_first_ties_alphabetical() -> None:
    path = resources.files("spellchecker") / "resources" / "es.json.gz"
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        counts: dict[str, int] = json.load(fh)
    assert len(set(counts.values())) < len(counts)  # ties to break
    by_definition = sorted(counts, key=lambda w: (-counts[w], w))
    assert everyday_words.ranked("es") == tuple(dict.fromkeys(map(normalise, by_definition)))

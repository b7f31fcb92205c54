"""Everyday words of the five other languages people ask in, from pyspellchecker's word-frequency lists (counts from
film subtitles). Read at build and stored with the index: loading the lists takes over a second.

"ciclo" (Spanish, Italian, Portuguese: a cycle) starts ciclosporin's name, French "lève" reads as shorthand for
levetiracetam and Italian "fumare" (to smoke) as a misspelling of Femara. In a question written in that language the
word is the everyday word, not the drug."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from clincalc_search.pinned import PinnedFile

LANGUAGES = ("es", "fr", "de", "it", "pt")
# An everyday word: among a language's 20,000 most frequent. The wrong readings in the labelled sets are all within
# the first 5,000 ("sert" 764th in French, "ciclo" 3,227th in Spanish, "fumare" 2,858th in Italian); the margin costs
# little, since a word is set aside only in a question whose other words show that language.
EVERYDAY_RANK = 20_000
# What shows a question's language: one of its 2,000 most frequent words that is not also an English word (not among
# English's 30,000 most frequent: "me", "no", "per" and "die" show nothing). Every wrong reading in the labelled sets
# stands beside such a word ("tenho", "posso", "quand"); the English shorthand that is an everyday word elsewhere
# ("mero for meningitis", "dara IV weekly", "lido max") stands beside none.
SHOWING_RANK = 2_000
ENGLISH_RANK = 30_000


def counts(lang: str) -> dict[str, int]:
    """The language's word → its count, as pyspellchecker ships them."""
    import gzip
    from importlib import resources

    path = resources.files("spellchecker") / "resources" / f"{lang}.json.gz"
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        words: dict[str, int] = json.load(fh)
    return words


@cache
def ranked(lang: str) -> tuple[str, ...]:
    """All the language's words, most frequent first, spelt as drugs.normalise leaves them."""
    from clincalc_search.drugs import normalise

    frequency = counts(lang)
    # Most frequent first, ties alphabetical: sorted alphabetically, then by count (a stable sort, and reverse=True
    # keeps ties in their order). Three times as fast as one sort on (-count, word), which a build paid 0.8 s for.
    by_count = sorted(sorted(frequency), key=frequency.__getitem__, reverse=True)
    return tuple(dict.fromkeys(normalise(w) for w in by_count))


@cache
def showing_words() -> dict[str, list[str]]:
    """Language → its frequent words that are not English words: one in a question shows the language."""
    english = set(ranked("en")[:ENGLISH_RANK])
    return {lang: sorted(w for w in ranked(lang)[:SHOWING_RANK] if w.isalpha() and w not in english)
            for lang in LANGUAGES}


def everyday(lang: str) -> tuple[str, ...]:
    """The language's everyday words (its EVERYDAY_RANK most frequent)."""
    return ranked(lang)[:EVERYDAY_RANK]


@cache
def everyday_file() -> bytes:
    """The file stored with the index: language → its everyday words, one per line."""
    return json.dumps({lang: "\n".join(everyday(lang)) for lang in LANGUAGES}).encode()


def read_everyday(source: Path | PinnedFile) -> dict[str, frozenset[str]]:
    """Language → its everyday words, from the file everyday_file() wrote."""
    return {lang: frozenset(words.split("\n")) for lang, words in json.loads(source.read_bytes()).items()}

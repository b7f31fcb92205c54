"""What the engine derives from the whole corpus: how widely each word is used, the coined terms that name a
monograph, the stems rare enough to point at a section, each drug's name stems, and the words that show a question
is written in another language. Computed once at build
and stored in the index, so a cold start reads them instead of re-deriving them from every section."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

from pydantic import BaseModel

from clincalc_search import everyday_words
from clincalc_search.models import Chunk, DrugClass, Monograph

if TYPE_CHECKING:
    from clincalc_search.drugs import DrugLexicon
    from clincalc_search.other_medicines import OtherMedicines

# A stem found in more than this share of all sections is too common to point at one ("risk", "patient").
SPECIFIC_SHARE = 0.04


class CorpusTables(BaseModel):
    word_spread: dict[str, int]  # whole word of section prose → how many monographs use it
    rare_terms: dict[str, list[str]]  # coined term (trial acronym, product code) → the monographs using it
    rare_needs_cue: list[str]  # coined terms that are also English words: named only with a study cue or caps
    section_count: int
    stem_sections: dict[str, list[int]]  # stem of section prose → the chunk ids of the sections using it
    name_stems: dict[str, list[str]]  # drug → stems of its generic name, other names and brands
    showing_words: dict[str, list[str]]  # language → words that show a question is written in it (everyday_words)
    # name abroad that is an everyday word of its own language once accents fold ("ASS", aspirin in Germany, is "aß")
    # → the name as written: it counts only as written
    names_as_written: dict[str, str]
    # brand abroad spelt the Romance way ("cardioaspirin", which "Cardioaspirina" is too) → its drug
    brands_abroad_spelt: dict[str, str]


def specific_limit(section_count: int) -> int:
    """The most sections a stem may appear in and still point at one."""
    return max(3, int(SPECIFIC_SHARE * section_count))


def make_lexicon(monographs: list[Monograph], classes: list[DrugClass], tables: CorpusTables,
                 everyday: Callable[[], dict[str, frozenset[str]]] | None = None,
                 medicines: Callable[[], OtherMedicines] | None = None) -> DrugLexicon:
    """The drug lexicon made from the monographs, classes and these tables: as the engine makes it at load when the
    index holds none it can restore, and as the build makes the one it stores."""
    from clincalc_search.drugs import DrugLexicon

    return DrugLexicon(monographs, classes, tables.word_spread, tables.showing_words, everyday,
                       tables.names_as_written, medicines, tables.brands_abroad_spelt)


def compute(monographs: list[Monograph], classes: list[DrugClass], chunks: list[Chunk]) -> CorpusTables:
    from clincalc_search.drugs import DrugLexicon, english_words
    from clincalc_search.rare_terms import find_coined
    from clincalc_search.sparse import stems, tokenize

    users: dict[str, set[str]] = {}
    for c in chunks:
        for word in set(tokenize(c.text)):
            users.setdefault(word, set()).add(c.drug)
    spread = {w: len(drugs) for w, drugs in sorted(users.items())}
    surfaces = set(DrugLexicon(monographs, classes, spread).surfaces)
    coined, needs_cue = find_coined(monographs, english_words(), surfaces)
    sections: dict[str, list[int]] = {}
    for c, tokens in zip(chunks, stems([c.text for c in chunks]), strict=True):
        for stem in dict.fromkeys(tokens):
            sections.setdefault(stem, []).append(c.id)
    own = [" ".join(m.all_names) for m in monographs]
    names = {m.name: sorted(set(s)) for m, s in zip(monographs, stems(own), strict=True)}
    return CorpusTables(
        word_spread=spread, rare_terms=coined, rare_needs_cue=sorted(needs_cue), section_count=len(chunks),
        stem_sections=dict(sorted(sections.items())), name_stems=names,
        showing_words=everyday_words.showing_words(), names_as_written=_names_as_written(monographs),
        brands_abroad_spelt=_brands_abroad_spelt(monographs))


def _names_as_written(monographs: list[Monograph]) -> dict[str, str]:
    from clincalc_search.drugs import normalise

    everyday = {lang: set(everyday_words.everyday(lang)) for lang in everyday_words.LANGUAGES}
    return {normalise(label): label for m in monographs for lang, labels in sorted(m.brands_abroad.items())
            for label in labels if normalise(label) in everyday[lang]}


def _brands_abroad_spelt(monographs: list[Monograph]) -> dict[str, str]:
    """Brands abroad that a question may write as their language says them ("Cardioaspirina" for Cardioaspirin): Romance
    spelling → drug. Only a brand of ROMANCE_MIN letters or more, spelling included, that is no English word, whose
    spelling one drug has and no word of English or the five other languages shares: the spelling drops endings and
    folds letters, so a shorter or common one is an everyday word's ("Blokium" is Italian "blocca"'s "bloc")."""
    from clincalc_search.drugs import ROMANCE_MIN, english_words, normalise, romance_spelling

    drugs: dict[str, set[str]] = {}
    for m in monographs:
        for labels in m.brands_abroad.values():
            for surface in map(normalise, labels):
                if len(surface) >= ROMANCE_MIN and surface not in english_words():
                    spelling = romance_spelling(surface)
                    if len(spelling) >= ROMANCE_MIN:
                        drugs.setdefault(spelling, set()).add(m.name)
    taken = _words_spelt(frozenset(s[0] for s in drugs))
    return {s: next(iter(d)) for s, d in sorted(drugs.items()) if len(d) == 1 and s not in taken}


@cache
def _words_spelt(first: frozenset[str]) -> frozenset[str]:
    """The Romance spellings starting with one of these letters of the words in the full word lists of English and the
    five other languages (ROMANCE_MIN letters or more). About a million words: spelt in one call over them all, one
    per line (the spelling reads each word apart; a call per word took four times as long)."""
    from clincalc_search.drugs import ROMANCE_FIRST_LETTERS, ROMANCE_MIN, romance_spelling

    starts = {"h", *(c for letter in first for c in ROMANCE_FIRST_LETTERS.get(letter, letter))}
    words = [w for lang in ("en", *everyday_words.LANGUAGES) for w in everyday_words.ranked(lang)
             if len(w) >= ROMANCE_MIN and (w[0] in starts or not "a" <= w[0] <= "z")]
    return frozenset(romance_spelling("\n".join(words)).split("\n"))

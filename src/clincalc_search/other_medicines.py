"""Names of medicines the corpus does not cover, from the drug-named-entity-recognition package's dictionary (names,
brands and synonyms from MedlinePlus, DrugBank and MeSH, of the 12,000 substances with a DrugBank record), and from
data/brands_abroad.csv (brands sold in five European countries and Brazil, and generic names sold only outside the US
or approved since 2020, which that American dictionary lacks). Read at build and stored with the index: unpacking the
dictionary takes about a third of a second. A changed brands file makes the index stale; it takes effect at the next
build.

A word that is the name of another medicine is not a misspelling of a drug the corpus has: "valganciclovir" is not
valaciclovir, "dicloxacillin" is not diclofenac, "levoleucovorin" is not levothyroxine. These are the look-alike,
sound-alike pairs medication-safety lists warn about, and answering about the wrong one of a pair is the worst answer
the tool can give. Such a question now abstains, naming the word the corpus does not cover."""

from __future__ import annotations

import bz2
import csv
import importlib.util
import json
import pickle
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from clincalc_search.models import Monograph

if TYPE_CHECKING:
    from clincalc_search.pinned import PinnedFile

PACKAGE = "drug_named_entity_recognition"
DICTIONARY = "drug_ner_dictionary.pkl.bz2"
# One word of letters, hyphens allowed inside ("levo-dromoran"), or two ("isosorbide dinitrate"), as DrugLexicon reads
# a question's words and pairs of them. The fuzzy readings start at four letters (shorthand) and five (misspellings).
_NAME = re.compile(r"[a-z][a-z-]*[a-z](?: [a-z][a-z-]*[a-z])?")
MIN_LETTERS = 4
_ACID = re.compile(r"([a-z]{6,})ic acid")
# A biologic's name often has a second word people leave out ("certolizumab pegol", "dornase alfa", "peginterferon
# alfa-2a"): the first word alone names it.
_SUFFIXED = re.compile(r"([a-z][a-z-]{4,}[a-z]) (?:alfa|alpha|beta|gamma|pegol)(?:-?[0-9]*[a-z]?)?")
# Brands of other medicines sold in Spain, France, Germany, Italy, Portugal and Brazil (brand, substance, country),
# which the American dictionary mostly lacks ("Nolotil", metamizole in Spain; "Spasfon", phloroglucinol in France;
# "Cynomel", liothyronine in France), and generic names it lacks (country "inn": the name is its own substance,
# "cytisine", "inclisiran").
BRANDS_ABROAD = Path(__file__).parent / "data" / "brands_abroad.csv"


@dataclass(frozen=True)
class OtherMedicines:
    names: dict[str, str]  # a word that names a medicine the corpus lacks → that medicine's name in the dictionary
    spelt: dict[str, str]  # a one-word name spelt the Romance way (drugs.romance_spelling) → the name
    pairs: dict[str, str]  # a two-word name spelt the Romance way → the name ("isosorbid dinitrat")


@cache
def _dictionary() -> dict[str, list[str]]:
    """Variant (a name, brand or synonym, lower case) → the substances it names. Only entries with a DrugBank record
    count: the dictionary also files MeSH headings that are classes or the body's own chemistry ("contraceptive
    agents", "transaminases", "excipients"), which name no one medicine. Then each acid's anion name and the brands
    sold abroad, where the dictionary has no entry of that name."""
    spec = importlib.util.find_spec(PACKAGE)  # found, not imported: importing it reads files in the home folder
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"the {PACKAGE} package is missing: pip install -e .")
    path = Path(next(iter(spec.submodule_search_locations))) / DICTIONARY
    # The package's own data file, from the registry like its code: loading it trusts no more than importing it would.
    with bz2.open(path, "rb") as fh:
        data = pickle.load(fh)  # noqa: S301
    substances = {str(c) for c, facts in data["drug_canonical_to_data"].items() if facts.get("drugbank_id")}
    variants = data["drug_variant_to_canonical"]
    named = {str(k): [str(c) for c in v if str(c) in substances] for k, v in variants.items()}
    dictionary = {k: v for k, v in named.items() if v}
    # An acid's medicines are named by their anion as often ("risedronate", "ibandronate"; German "Risedronat"): the
    # dictionary files one of the two. Not short stems, whose anions name salts of many medicines ("acetate").
    for name, medicines in list(dictionary.items()):
        acid = _ACID.fullmatch(name)
        if acid is not None:
            dictionary.setdefault(f"{acid.group(1)}ate", medicines)
    for brand, medicines in brands_abroad(dictionary).items():
        dictionary.setdefault(brand, medicines)
    return dictionary


def brands_abroad(dictionary: dict[str, list[str]]) -> dict[str, list[str]]:
    """BRANDS_ABROAD's brands (lower case) → their substances, as the dictionary files them where it does. A brand
    names one product, so it is a medicine even where the dictionary lacks its substance (it files no "estradiol")."""
    brands: dict[str, list[str]] = {}
    with BRANDS_ABROAD.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            parts = [dictionary.get(part, [part]) for part in row["substance"].split(" / ")]
            brands.setdefault(row["brand"].lower(), list(dict.fromkeys(m for part in parts for m in part)))
    return brands


@cache
def _named() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(name as drugs.normalise leaves it, the medicines it names), for the names a question's words could be."""
    from clincalc_search.drugs import normalise

    named = ((normalise(variant), tuple(medicines)) for variant, medicines in sorted(_dictionary().items()))
    return tuple((word, medicines) for word, medicines in named if len(word) >= MIN_LETTERS and _NAME.fullmatch(word))


@cache
def _spellings() -> dict[str, str]:
    """Each name of _named() → its Romance spelling: the same for any corpus, so spelt once per process (a third of a
    second a build paid again each time; the tests build many)."""
    from clincalc_search.drugs import romance_spelling

    return {word: romance_spelling(word) for word, _ in _named()}


def medicines_file(monographs: list[Monograph], word_spread: Mapping[str, int]) -> bytes:
    """The file stored with the index: the one- and two-word names of medicines that are none of the corpus's names
    and name none of its drugs. `word_spread`: the corpus's words (CorpusTables.word_spread, made in the same build)."""
    from clincalc_search.drugs import normalise, romance_spelling

    variants = _dictionary()
    labels = {normalise(label) for m in monographs for label in m.all_names}
    # Looked up by the names the drug has here, not its brands abroad: one country's brand can be another medicine's
    # name in the dictionary ("Penilevel", phenoxymethylpenicillin in Spain, is filed under benzylpenicillin).
    ours = {c for m in monographs for label in [m.name, *m.other_names, *m.brands]
            for c in variants.get(normalise(label), [])}
    names: dict[str, str] = {}
    for word, medicines in _named():
        if word not in labels and word not in names and ours.isdisjoint(medicines):
            names[word] = medicines[0]
    for word, medicine in _first_words(names, word_spread).items():
        if word not in labels:
            names.setdefault(word, medicine)
    # Misspellings are weighed in the Romance spelling, which folds how five languages write a name ("morfina"); a
    # two-word name is found in it with its words in either order ("dinitrato de isosorbida").
    spellings = _spellings()
    spelt: dict[str, str] = {}
    pairs: dict[str, str] = {}
    for word in names:
        spelling = spellings[word] if word in spellings else romance_spelling(word)
        (pairs if " " in word else spelt).setdefault(spelling, word)
    return json.dumps({"names": names, "spelt": spelt, "pairs": pairs}, sort_keys=True).encode()


def _first_words(names: dict[str, str], used: Mapping[str, int]) -> dict[str, str]:
    """The first word of each biologic's two-word name (_SUFFIXED) among `names` → its medicine, where the word is no
    other entry, no English word and no word the corpus uses (a key of `used`: "thrombin" of "thrombin alfa" is a
    target the monographs discuss)."""
    from clincalc_search.drugs import english_words

    dictionary = _dictionary()
    english = english_words()
    out: dict[str, str] = {}
    for name in sorted(names):
        match = _SUFFIXED.fullmatch(name)
        if match is not None:
            word = match.group(1)
            # The medicine's own name begins with it: not a synonym's ("colirio alfa", an eye drop, is naphazoline).
            if names[name].startswith(word) and word not in dictionary and word not in english and word not in used:
                out.setdefault(word, names[name])
    return out


def read_medicines(source: Path | PinnedFile) -> OtherMedicines:
    """What medicines_file() wrote."""
    raw = json.loads(source.read_bytes())
    return OtherMedicines(names=raw["names"], spelt=raw["spelt"], pairs=raw["pairs"])

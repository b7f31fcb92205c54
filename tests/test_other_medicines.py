"""A word that names a medicine the corpus lacks is that medicine, not a misspelling of a drug the corpus has."""

from __future__ import annotations

from clincalc_search import everyday_words
from clincalc_search.drugs import ROMANCE_FIRST_LETTERS, normalise, romance_spelling
from clincalc_search.engine import Engine
from clincalc_search.other_medicines import read_medicines


def test_another_medicines_name_is_not_read_as_a_look_alike(engine: Engine) -> None:
    # "coumarin" was read as a misspelling of Coumadin (warfarin); it is a plant compound, not warfarin
    assert engine.lexicon.recognise("coumarin and vitamin K").drugs == []
    answer = engine.ask("is coumarin safe with vitamin K")
    assert not answer.hits and "'coumarin' is not covered" in (answer.message or "")


def test_a_misspelling_or_a_form_of_our_own_name_is_still_ours(engine: Engine) -> None:
    assert engine.lexicon.recognise("coumadine and vitamin K").drugs == ["warfarin"]  # a typo, no medicine's name
    assert engine.lexicon.recognise("lithiumhydroxid Nebenwirkungen").drugs == ["lithium"]  # a salt of it


def test_the_index_names_no_medicine_the_corpus_has(engine: Engine) -> None:
    medicines = read_medicines(engine.settings.index_dir / engine.manifest.files["medicines"])
    surfaces = {normalise(label) for m in engine.monographs.values() for label in m.all_names}
    assert medicines.names and not surfaces & set(medicines.names)
    assert medicines.spelt and set(medicines.spelt.values()) <= set(medicines.names)


def test_the_romance_first_letters_follow_the_spelling() -> None:
    # corpus_tables spells only the words that start with a letter a brand's spelling can start with: a spelling rule
    # the table misses would let a brand whose spelling is an everyday word's through unchecked
    words = [w for lang in ("en", *everyday_words.LANGUAGES) for w in everyday_words.ranked(lang)[:20_000]]
    for word in words:
        spelling = romance_spelling(word)
        if spelling and "a" <= word[0] <= "z" and word[0] != "h":
            assert word[0] in ROMANCE_FIRST_LETTERS.get(spelling[0], spelling[0]), (word, spelling)


def test_an_ordinary_word_of_a_longer_name_is_not_a_medicine(real_engine: Engine) -> None:
    # "lucanthone metabolite" files "metabolite"; "Metaboliten" (German) is that word, which the corpus uses, not
    # a medicine misspelt. A word of a medicine's name the corpus does not use is still one ("glulisine").
    lexicon = real_engine.lexicon
    assert lexicon.misspelt_medicine("metaboliten") is None
    assert lexicon.misspelt_medicine("glulisine") == "insulin glulisine"


def test_a_brand_sold_abroad_names_its_substance() -> None:
    # the American dictionary lacks most European brands: "Nolotil" (metamizole, Spain) is filed as the dictionary
    # files metamizole; a substance it lacks is kept as written, since a brand names one product
    from clincalc_search.other_medicines import _dictionary

    assert "dipyrone" in _dictionary()["nolotil"]
    assert _dictionary()["estreva"] == ["estradiol"]


def test_no_brand_abroad_is_a_drug_the_corpus_covers_or_an_everyday_word(real_engine: Engine) -> None:
    import csv

    from clincalc_search.other_medicines import BRANDS_ABROAD

    lexicon = real_engine.lexicon
    ours = {normalise(label) for m in real_engine.monographs.values() for label in m.all_names}
    with BRANDS_ABROAD.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    # brands of Spain, France, Germany, Italy, Portugal and Brazil, and generic names an American dictionary lacks
    assert len(rows) > 2_500 and {row["country"] for row in rows} == {"es", "fr", "de", "it", "pt", "br", "inn"}
    for row in rows:
        brand = normalise(row["brand"])
        assert brand not in ours and not lexicon.recognise(row["brand"]).drugs, row
        assert not ours & {normalise(s) for s in row["substance"].split(" / ")}, row
        assert not lexicon._everyday_anywhere(brand), row


def test_a_biologics_first_word_names_it(real_engine: Engine) -> None:
    # "certolizumab pegol" is typed "certolizumab" (and "dornase alfa" "dornase"); "thrombin" of "thrombin alfa" is a
    # word the monographs use (dabigatran's target), so it names no other medicine
    medicines = read_medicines(real_engine.settings.index_dir / real_engine.manifest.files["medicines"])
    assert medicines.names["certolizumab"] == "certolizumab pegol"
    assert medicines.names["dornase"] == "dornase alfa"
    assert "thrombin" not in medicines.names
    answer = real_engine.ask("Is certolizumab, an anti-TNF like adalimumab, safe when breastfeeding?")
    assert not answer.hits and "'certolizumab' is not covered" in (answer.message or "")

"""A word that names a medicine the corpus lacks is that medicine, not a misspelling of a drug the corpus has."""

from __future__ import annotations

from clincalc_search.drugs import normalise
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

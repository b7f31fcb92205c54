"""The learned reading of which medicine a question naming two asks about: its weights, its inputs and how the engine
uses it."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from clincalc_search.asked_model import DRUG, OTHER, AskedModel, ngrams, order_facts, taken_together
from clincalc_search.drugs import Recognised
from clincalc_search.engine import Engine

ROOT = Path(__file__).resolve().parents[1]
RETRAIN = "retrain: python tools/train_asked_model.py"


@pytest.fixture(scope="module")
def shipped() -> AskedModel:
    return AskedModel.load()


class _Masker:
    def __init__(self, masked: str, others: list[str]) -> None:
        self.result = masked, others

    def masked(self, question: str, found: Recognised) -> tuple[str, list[str]]:
        return self.result


def test_shipped_weights_describe_themselves(shipped: AskedModel) -> None:
    assert len(shipped.weights) == len(shipped.vocabulary) > 1000
    assert len(shipped.order) == len(order_facts(f"{DRUG} {OTHER} ?"))
    assert shipped.threshold == 0.7


def test_weights_match_their_training_data(shipped: AskedModel) -> None:
    assert shipped.training_sets, RETRAIN
    now = {p.name for p in (ROOT / "eval").glob("queries*.jsonl")}
    assert set(shipped.training_sets) == now, f"the labelled sets changed: {RETRAIN}"
    for name, recorded in shipped.training_sets.items():
        current = hashlib.sha256((ROOT / "eval" / name).read_bytes()).hexdigest()
        assert current == recorded, f"{name} changed since the asked model was trained: {RETRAIN}"


def test_ngrams_are_the_distinct_word_one_to_three_grams() -> None:
    assert ngrams("is xother ok ? is xother") == ["is", "xother", "ok", "is xother", "xother ok", "ok is",
                                                  "is xother ok", "xother ok is", "ok is xother"]


def test_order_facts_read_the_sentences_that_ask() -> None:
    # other in the asking sentence, drug not; other first; neither repeated; two sentences; other last
    assert order_facts(f"{OTHER} was added to {DRUG} . does {OTHER} cause nausea ?") == [1, 0, 1, 1, 0, 1, 1]
    assert order_facts(f"can i take {OTHER} with my {DRUG} ?") == [1, 1, 1, 0, 0, 0, 0]


def test_the_model_speaks_only_when_sure_and_names_the_other_medicine(shipped: AskedModel) -> None:
    found = Recognised()
    asked = shipped.asked("q", found, _Masker(f"{DRUG} is what we normally use . is {OTHER} ok in a child ?",
                                              ["promethazine"]))
    assert asked is not None and asked[0] >= shipped.threshold and asked[2] == ["promethazine"]
    assert shipped.asked("q", found, _Masker(f"can i take {OTHER} with my {DRUG} ?", ["fluconazole"])) is None
    assert shipped.asked("q", found, _Masker("", [])) is None  # no other medicine named
    assert shipped.asked("q", found, _Masker(f"is {OTHER} ok ?", ["promethazine"])) is None  # no covered drug masked


def test_the_engine_abstains_on_the_learned_reading_and_says_why(engine: Engine) -> None:
    # no rule places acenocoumarol ("the new one" is a pronoun): the question's shape says it is the one asked about
    answer = engine.ask("my nan was on warfarin and now they've given her acenocoumarol, what side effects should she "
                        "watch for with the new one")
    assert not answer.hits and (answer.message or "").startswith("'acenocoumarol' is not covered")
    assert answer.why and "learned reading" in answer.why and "acenocoumarol" in answer.why
    # taking the other medicine with the covered drug is a question about the covered drug
    assert engine.ask("can I take fluconazole with my warfarin?").hits[0].drug == "warfarin"


def test_without_weights_the_rules_decide_alone(engine: Engine) -> None:
    engine.__dict__["_asked_model"] = None
    answer = engine.ask("my nan was on warfarin and now they've given her acenocoumarol, what side effects should she "
                        "watch for with the new one")
    assert answer.hits and answer.hits[0].drug == "warfarin"


def test_taking_both_is_read_across_words_as_normalise_leaves_them() -> None:
    assert taken_together(f"can i take {OTHER} with my {DRUG} ?")
    assert taken_together(f"le {DRUG} est-il dangereux avec mon {OTHER} ?")  # "est-il" is one word
    assert not taken_together(f"o {OTHER} e parecido com a {DRUG} ?")  # "with" that compares
    assert not taken_together(f"{DRUG} with {OTHER} . is {OTHER} ok ?")  # only the sentences that ask are read

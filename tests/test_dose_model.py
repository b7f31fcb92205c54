"""The learned dose model: its features are stable, read look-alike text as plain text, and its shipped weights
match the data they were trained on. No embedding model is needed: vectors here are made up."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pytest

from clincalc_search.dose_guard import DoseDecision, check
from clincalc_search.dose_model import (
    CHAR_FEATURES,
    WORD_FEATURES,
    DoseModel,
    char_wb_ngrams,
    features,
    prepare,
    rule_features,
    rule_names,
    word_index,
    word_ngrams,
)

ROOT = Path(__file__).resolve().parents[1]
RETRAIN = "rerun `python tools/train_dose_model.py` and commit the new weights"


@pytest.fixture(scope="module")
def shipped() -> DoseModel:
    return DoseModel.load()


# The test model has one hidden unit kept on (its bias) with an output that takes the bias back off: its logit is the
# sum of its weighted inputs, as a logistic regression's, while the inputs stay within +-ON of zero.
ON = 10.0


def _zero_model(dim: int = 4) -> DoseModel:
    rules = rule_names()
    return DoseModel(embedding=np.zeros((dim, 1)), ngrams=np.zeros((WORD_FEATURES + CHAR_FEATURES, 1)),
                     rules=np.zeros((2 + len(rules), 1)), hidden_bias=np.array([ON]), output=np.array([1.0]),
                     bias=-ON, threshold=0.5, rule_list=rules)


def test_feature_hash_is_pinned() -> None:
    # A different hash, salt or n-gram rule moves these indices: the shipped weights would then be read wrongly.
    index, values = features("Dose 5mg?")
    assert index == [73, 7458, 8544, 16389, 18109, 20914, 22111, 24455, 24567, 25460, 26316, 27235, 30254, 30407,
                     31907, 35694, 36795, 38285, 40333, 46364, 48809]
    assert values[:3] == pytest.approx([3 ** -0.5] * 3)  # three word grams: dose, 0mg, "dose 0mg"
    assert values[3:] == pytest.approx([18 ** -0.5] * 18)  # eighteen char_wb grams
    assert features("Dose 5mg?") == (index, values)


@pytest.mark.parametrize("question", ["Dose 5mg?", "what are the the side effects", "", "é x-ray q8h, bd/tds bd",
                                      "how often are LFTs checked on methotrexate 15 mg weekly"])
def test_text_score_is_the_features_sum(shipped: DoseModel, question: str) -> None:
    # text_score sums the n-gram weights without building features(); both must read the same features.
    decision = check(question)
    index, values = features(question)
    expected = shipped.hidden_bias + np.asarray(values, dtype=np.float64) @ shipped.ngrams[index]
    expected = expected + rule_features(decision, shipped.rule_list) @ shipped.rules
    assert shipped.text_score(question, decision) == pytest.approx(expected, abs=1e-9)


def test_ngrams_read_like_sklearn() -> None:
    assert word_ngrams(prepare("Dose 5mg?")) == ["dose", "0mg", "dose 0mg"]
    assert char_wb_ngrams("a bc") == [" a ", " bc", "bc ", " bc "]  # a short word is one gram
    sklearn_text = pytest.importorskip("sklearn.feature_extraction.text")
    char = sklearn_text.HashingVectorizer(analyzer="char_wb", ngram_range=(3, 5), preprocessor=prepare)
    word = sklearn_text.HashingVectorizer(analyzer="word", ngram_range=(1, 2), token_pattern=r"(?u)\b\w+\b",
                                          preprocessor=prepare)
    for q in ["How much Paracetamol 500mg?", "a b  c", "é x-ray q8h, bd/tds", "Wie viel Ibuprofen darf ich nehmen"]:
        assert char_wb_ngrams(prepare(q)) == char.build_analyzer()(q)
        assert word_ngrams(prepare(q)) == word.build_analyzer()(q)


@pytest.mark.parametrize("disguised", [
    "ｈｏｗ ｍｕｃｈ ｐａｒａｃｅｔａｍｏｌ 500 ｍｇ",  # full-width
    "how muсh pаracetamol 500 mg",  # Cyrillic с and а
    "how mu\u200bch paracetamol 500 mg",  # zero-width space inside a word
    "HOW MUCH PARACETAMOL 500 MG",
    "how much paracetamol ५०० mg",  # Devanagari digits
])
def test_look_alike_text_has_plain_features(disguised: str) -> None:
    assert features(disguised) == features("how much paracetamol 500 mg")


def test_digits_are_one_feature() -> None:
    assert features("is 5 mg ok") == features("is 7 mg ok")
    assert features("is 5 mg ok") != features("is 50 mg ok")  # one "0" per digit: a number keeps its length


def test_probability_in_unit_interval(shipped: DoseModel) -> None:
    rng = np.random.default_rng(0)
    for q in ["how much paracetamol can I take", "what are the side effects of sertraline", "", "?? 0 0 0"]:
        p = shipped.probability(q, rng.normal(size=shipped.embedding.shape[0]), check(q))
        assert 0.0 <= p <= 1.0
    model = _zero_model()
    for bias in (-1e4, 1e4):  # no overflow at either extreme
        model.bias = bias
        assert 0.0 <= model.probability("dose", np.ones(4), DoseDecision(False)) <= 1.0


def test_probability_monotone_in_a_pinned_weight() -> None:
    model = _zero_model()
    question, vector, decision = "how much", np.array([1.0, 0, 0, 0]), DoseDecision(False)
    index = word_index("much")
    seen = []
    for w in (-3.0, -1.0, 0.0, 1.0, 3.0):
        model.ngrams[index] = w
        seen.append(model.probability(question, vector, decision))
    assert seen[2] == pytest.approx(0.5)
    assert all(a < b for a, b in zip(seen, seen[1:], strict=False))
    # The embedding is read as a unit vector: its length does not matter, its direction does.
    model.embedding[0] = 1.0
    assert model.probability(question, 10 * vector, decision) == pytest.approx(model.probability(question, vector,
                                                                                                 decision))


def test_rule_decision_is_a_feature() -> None:
    model = _zero_model()
    model.rules[0] = 2.0  # "rules say dose"
    vector = np.ones(4)
    assert model.probability("x", vector, DoseDecision(True, "amount", "how much")) > 0.5
    assert model.probability("x", vector, DoseDecision(False)) == pytest.approx(0.5)


def test_wrong_embedding_size_is_an_error(shipped: DoseModel) -> None:
    with pytest.raises(ValueError, match="384"):
        shipped.probability("how much", np.ones(64), DoseDecision(False))


def test_shipped_weights_describe_themselves(shipped: DoseModel) -> None:
    assert shipped.encoder == "minilm"
    hidden = shipped.output.shape[0]
    assert shipped.embedding.shape == (384, hidden) and shipped.hidden_bias.shape == (hidden,)
    assert shipped.ngrams.shape == (WORD_FEATURES + CHAR_FEATURES, hidden)
    assert shipped.rules.shape == (2 + len(shipped.rule_list), hidden)
    assert 0.0 < shipped.threshold < 1.0
    # A rule added to or renamed in the guard has no weight until the model is retrained.
    assert shipped.rule_list == rule_names(), RETRAIN


def test_weights_match_their_training_data(shipped: DoseModel) -> None:
    assert shipped.training_sets, RETRAIN
    for name, recorded in shipped.training_sets.items():
        current = hashlib.sha256((ROOT / name).read_bytes()).hexdigest()
        assert current == recorded, f"{name} changed since the dose model was trained: {RETRAIN}"


@pytest.mark.parametrize("question", [
    "how much paracetamol can I take for a headache",
    "is 20 mg of citalopram too much",
    "what are the side effects of sertraline",
    "can I drink alcohol with metronidazole",
])
def test_reasons_are_readable_words_of_the_question(shipped: DoseModel, question: str) -> None:
    vector = np.zeros(shipped.embedding.shape[0])
    reasons = shipped.reasons(question, vector, check(question), k=3)
    assert 1 <= len(reasons) <= 3
    padded = f" {prepare(question)} "
    for gram in reasons:
        assert all(token.isalpha() for token in gram.split())
        assert f" {gram} " in padded


def test_reasons_follow_the_verdict() -> None:
    model = _zero_model()
    question, vector = "how much ibuprofen 400 mg", np.ones(4)
    for gram, w in [("how much", 2.0), ("ibuprofen", -1.0), ("0 mg", 5.0), ("how", 0.5)]:
        model.ngrams[word_index(gram)] = w
    model.bias = 3.0 - ON  # a dose verdict: the grams that pushed towards dose, largest first; "0 mg" is not readable
    assert model.reasons(question, vector, DoseDecision(False)) == ["how much", "how"]
    model.bias = -30.0 - ON  # a non-dose verdict: the grams that pushed away from dose
    assert model.reasons(question, vector, DoseDecision(False)) == ["ibuprofen"]


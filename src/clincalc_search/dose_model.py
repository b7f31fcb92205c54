"""A learned second opinion on dose questions: a small neural network (one hidden layer of ReLU units, a logistic
output) over the question's embedding, hashed word and character n-grams and the rule guard's own decision (weights
trained by tools/train_dose_model.py).

Query time is numpy and the standard library only. The n-gram hash is zlib.crc32, not sklearn's murmurhash, so
the tool that trains the weights and this module compute the same features without sharing a dependency."""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from pathlib import Path

import numpy as np

from clincalc_search import dose_guard
from clincalc_search.dose_guard import DoseDecision

WEIGHTS = Path(__file__).parent / "data" / "dose_model.npz"
# An explicit request (dose_guard.EXPLICIT) stands unless the model puts the question's chance of being a dose question
# below this. Left out in turn on nine of the newest dose sets, 0.05 kept every dose question the explicit rules caught
# and cut false refusals from 0.052 to 0.045. With the tenth session's weights (trained with the other languages' sets),
# left out in turn on the six newest dose sets: 0.2 lost none of their 1,018 dose questions and cut false refusals
# from 0.043 to 0.038 (mean per set); 0.5 lost one (docs/EVALUATION.md).
EXPLICIT_OVERRULED_BELOW = 0.2
# Hash sizes: the weights are trained for these, and load() refuses weights trained for others.
WORD_FEATURES = 2**14
CHAR_FEATURES = 2**15
WORD_NGRAMS = (1, 2)
CHAR_NGRAMS = (3, 5)
# crc32's start value salts each block, so one n-gram lands in unrelated buckets in the two blocks.
_WORD_SALT = zlib.crc32(b"dose_model word")
_CHAR_SALT = zlib.crc32(b"dose_model char_wb")
_TOKEN = re.compile(r"(?u)\b\w+\b")  # sklearn's default token pattern, single-letter words kept
_DIGIT = re.compile(r"\d")


def rule_names() -> list[str]:
    """Every value DoseDecision.rule can take ("none" for no rule), in the order of the rule block."""
    requests, mentions = (n for n, _ in dose_guard._REQUESTS), (n for n, _ in dose_guard._MENTIONS)
    return ["none", "overdose", "titration", *requests, *mentions, "dose_asked"]


def prepare(question: str) -> str:
    """What the n-grams are read from: the guard's skeleton (look-alike letters and full-width forms cannot change
    a feature), lower-cased, every digit "0": "5 mg" and "7 mg" are one feature ("50 mg" keeps its length)."""
    return _DIGIT.sub("0", dose_guard.normalise(question).lower())


def word_ngrams(text: str) -> list[str]:
    tokens = _TOKEN.findall(text)
    low, high = WORD_NGRAMS
    return [" ".join(tokens[i:i + n]) for n in range(low, high + 1) for i in range(len(tokens) - n + 1)]


def char_wb_ngrams(text: str) -> list[str]:
    """sklearn's char_wb analyzer: n-grams inside each whitespace-separated word padded with one space each side;
    a padded word no longer than the shortest n is one n-gram."""
    low, high = CHAR_NGRAMS
    grams: list[str] = []
    for word in text.split():
        padded = f" {word} "
        for n in range(low, high + 1):
            if len(padded) <= n:
                grams.append(padded)
                break
            grams += [padded[i:i + n] for i in range(len(padded) - n + 1)]
    return grams


def _bucket(gram: str, salt: int, size: int) -> int:
    return zlib.crc32(gram.encode("utf-8"), salt) % size


@lru_cache(maxsize=65536)
def _word_bucket(gram: str) -> int:
    return _bucket(gram, _WORD_SALT, WORD_FEATURES)


@lru_cache(maxsize=65536)
def _char_buckets(word: str) -> tuple[int, ...]:
    # char_wb n-grams never cross a word, so a word's buckets can be remembered: questions reuse their words.
    return tuple(_bucket(g, _CHAR_SALT, CHAR_FEATURES) for g in char_wb_ngrams(word))


def _normalised(counts: Counter[int]) -> dict[int, float]:
    """Counts per bucket, l2-normalised (collisions add up, as in sklearn's HashingVectorizer)."""
    norm = math.sqrt(sum(c * c for c in counts.values())) or 1.0
    return {i: c / norm for i, c in counts.items()}


def _block_hidden(counts: Counter[int], weights: np.ndarray) -> np.ndarray:
    """One l2-normalised block of counts per bucket (as _normalised) times its (bucket, hidden unit) weights."""
    index = np.fromiter(counts, dtype=np.intp, count=len(counts))
    values = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
    return (values @ weights[index]) / (math.sqrt(float(values @ values)) or 1.0)


def word_index(gram: str) -> int:
    """The index in features() of a word n-gram as the model reads it (lower-case, digits "0")."""
    return _word_bucket(gram)


@lru_cache(maxsize=8)
def bucket_counts(question: str) -> tuple[Counter[int], Counter[int]]:
    """How many of the question's word n-grams and char_wb n-grams fall in each bucket of their block. Kept for the
    last few questions: the dose model and the section model read the same counts (do not change them)."""
    text = prepare(question)
    return Counter(map(_word_bucket, word_ngrams(text))), Counter(chain.from_iterable(map(_char_buckets, text.split())))


def features(question: str) -> tuple[list[int], list[float]]:
    """The hashed n-gram blocks as sparse (indices, values): word 1-2 grams in [0, WORD_FEATURES), char_wb 3-5
    grams after them in [WORD_FEATURES, WORD_FEATURES + CHAR_FEATURES); each block l2-normalised, indices sorted."""
    word_counts, char_counts = bucket_counts(question)
    words, chars = _normalised(word_counts), _normalised(char_counts)
    pairs = sorted([*words.items(), *((WORD_FEATURES + i, v) for i, v in chars.items())])
    return [i for i, _ in pairs], [v for _, v in pairs]


def rule_features(decision: DoseDecision, rules: list[str]) -> np.ndarray:
    """[rules say dose, rules set aside context, one-hot of the deciding rule], left as 0/1 (not l2-normalised, as in
    the experiment that chose the model); a rule the weights have not seen gets no one-hot (the weights test fails
    first: a new rule means retraining)."""
    out = np.zeros(2 + len(rules))
    out[0], out[1] = float(decision.is_dose), float(bool(decision.context))
    rule = decision.rule or "none"
    if rule in rules:
        out[2 + rules.index(rule)] = 1.0
    return out


# Words that carry a weight but explain nothing to a reader ("the", "of"): a reason needs one other word.
_FUNCTION_WORDS = frozenset(
    "a an the of on in at for to and or with by from as i me my you your it its is are be been was were do does "
    "did can could should would will this that these those there".split()
)


def _readable(gram: str) -> bool:
    # Words as a person reads them: no "0" standing in for a number, not function words alone.
    tokens = gram.split()
    return all(t.isalpha() for t in tokens) and not all(t in _FUNCTION_WORDS for t in tokens)


@dataclass
class DoseModel:
    """The trained weights. They were trained on what the engine has for a question: the cleaned question text, its
    embedding by the product encoder and dose_guard.check of that text; pass the same three. A logistic regression
    with these features was the model until the sixth session: leave-one-set-out on the newest sets, this network
    refused as many dose questions and fewer of the others (docs/EVALUATION.md)."""

    embedding: np.ndarray  # (dim, hidden): weights of the unit embedding times embedding_scale
    ngrams: np.ndarray  # (WORD_FEATURES + CHAR_FEATURES, hidden): weights of features(), a bucket's row together
    rules: np.ndarray  # (2 + len(rule_list), hidden): weights of rule_features()
    hidden_bias: np.ndarray  # (hidden,)
    output: np.ndarray  # (hidden,): the output unit's weights
    bias: float  # the output unit's bias
    threshold: float
    rule_list: list[str]
    embedding_scale: float = 2.0
    encoder: str = "minilm"  # the encoder the embedding weights were trained on; another's vectors mean nothing here
    training_sets: dict[str, str] | None = None  # file name -> sha256 of the data the weights came from

    @classmethod
    def load(cls, path: Path | str = WEIGHTS) -> DoseModel:
        with np.load(path, allow_pickle=False) as z:
            sizes = (int(z["word_features"]), int(z["char_features"]))
            if sizes != (WORD_FEATURES, CHAR_FEATURES):
                raise ValueError(f"{path}: weights for hash sizes {sizes}, features are "
                                 f"{(WORD_FEATURES, CHAR_FEATURES)}: rerun python tools/train_dose_model.py")
            if "w_output" not in z:
                raise ValueError(f"{path}: not a network's weights: rerun python tools/train_dose_model.py")
            # The small blocks as float64, as the question's vector is: no conversion per question. The n-gram
            # block stays float32 (6 MB); a question reads a few hundred of its rows.
            return cls(
                embedding=z["w_embedding"].astype(np.float64), ngrams=z["w_ngrams"],
                rules=z["w_rules"].astype(np.float64), hidden_bias=z["b_hidden"].astype(np.float64),
                output=z["w_output"].astype(np.float64), bias=float(z["bias"]), threshold=float(z["threshold"]),
                rule_list=[str(r) for r in z["rule_list"]], embedding_scale=float(z["embedding_scale"]),
                encoder=str(z["encoder"]),
                training_sets=dict(zip(map(str, z["training_files"]), map(str, z["training_sha256"]), strict=True)),
            )

    def text_score(self, question: str, decision: DoseDecision) -> np.ndarray:
        """The part of the hidden units' input that needs no embedding (their biases, the n-grams, the rule block):
        probability() computes it, unless given it computed earlier. The same sum as features() times the n-gram
        weights, without building the sorted feature list (equal to rounding: tests/test_dose_model.py)."""
        words, chars = bucket_counts(question)
        hidden = self.hidden_bias + _block_hidden(words, self.ngrams[:WORD_FEATURES])
        hidden = hidden + _block_hidden(chars, self.ngrams[WORD_FEATURES:])
        return hidden + rule_features(decision, self.rule_list) @ self.rules

    def _hidden(self, question: str, vector: np.ndarray, decision: DoseDecision,
                text_score: np.ndarray | None = None) -> np.ndarray:
        """The hidden units' input (before the ReLU)."""
        vector = np.asarray(vector, dtype=np.float64).ravel()
        if vector.shape != self.embedding.shape[:1]:
            raise ValueError(f"embedding of size {vector.size}; the weights expect {self.embedding.shape[0]} "
                             f"({self.encoder} encoder)")
        norm = float(np.linalg.norm(vector))
        partial = self.text_score(question, decision) if text_score is None else text_score
        return partial + (self.embedding_scale / (norm or 1.0)) * (vector @ self.embedding)

    def probability(self, question: str, vector: np.ndarray, decision: DoseDecision,
                    text_score: np.ndarray | None = None) -> float:
        """P(dose question) for the question, its embedding (any length; it is made a unit vector) and the rule
        guard's decision on it; text_score, when given, is text_score(question, decision) computed earlier. A dose
        verdict is probability >= threshold."""
        return self._output(self._hidden(question, vector, decision, text_score))

    def _output(self, hidden: np.ndarray) -> float:
        """The output unit's probability for the hidden units' input."""
        z = self.bias + float(np.maximum(hidden, 0.0) @ self.output)
        # Written for both signs so exp never overflows.
        return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))

    def reasons(self, question: str, vector: np.ndarray, decision: DoseDecision, k: int = 3,
                probability: float | None = None) -> list[str]:
        """Up to k readable word n-grams of the question that pushed hardest towards the verdict: towards a dose
        question when probability >= threshold, away from one otherwise (pass the probability when it is known
        already). A gram's push is its feature value times the output's slope along its weights at this question
        (the units it does not switch on or off: gradient times input). They are in the lower-cased skeleton of the
        question (what the model read), so a look-alike letter shows as the letter it imitates."""
        hidden = self._hidden(question, vector, decision)
        if probability is None:
            probability = self._output(hidden)
        toward = 1.0 if probability >= self.threshold else -1.0
        active = self.output * (hidden > 0)
        counts = Counter(word_ngrams(prepare(question)))
        buckets: Counter[int] = Counter()
        for gram, count in counts.items():
            buckets[word_index(gram)] += count
        norm = math.sqrt(sum(c * c for c in buckets.values())) or 1.0  # the block's norm, as in features()
        scored = []
        for gram, count in counts.items():
            # This gram's share of its bucket's feature value (another gram may share the bucket).
            contribution = toward * float(self.ngrams[word_index(gram)] @ active) * count / norm
            if contribution > 0 and _readable(gram):
                scored.append((contribution, gram))
        scored.sort(key=lambda pair: (-pair[0], pair[1]))
        return [gram for _, gram in scored[:k]]

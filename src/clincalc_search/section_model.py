"""A learned section choice: which of a drug's six sections answers the question. Multinomial logistic regression
over the question's embedding, the dose model's hashed word and character n-grams, what the intent table read
(the sections its cues ask for, in order, and which cues are strong) and how well each section of the first drug
matches the question (dense cosine and BM25). Weights are trained by
tools/train_section_model.py on the labelled retrieval sets.

The intent table stays the prior: its reading is a feature the model weighs against the question's own words, so a
question that names one adverse effect, test or trial can move away from the section a cue word would pick. With
whole development sets left out (91 sets in five folds, thirtieth session), the right section came first in 0.965 of
questions against 0.866 for the engine without the model, and new writers' sets run once agreed (docs/EVALUATION.md).
Query time is numpy only, and the question is not encoded again: the engine passes the embedding it already has."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from clincalc_search.dose_model import CHAR_FEATURES, WORD_FEATURES, bucket_counts
from clincalc_search.models import SECTION_KEYS

WEIGHTS = Path(__file__).parent / "data" / "section_model.npz"
_N = len(SECTION_KEYS)
PLAN_FEATURES = 4 * _N + 3


@dataclass
class SectionInputs:
    """What the model reads of one question, all of it already computed by the engine for its answer."""

    text: str  # the cleaned question
    vector: np.ndarray  # its embedding
    intents: list[str]  # sections the intent table's cues ask for, in order
    strong: list[str]  # those asked for by a strong cue
    n_drugs: int
    dense: np.ndarray  # (sections,) cosine of the question with each section of the first drug (0 if absent)
    sparse: np.ndarray  # (sections,) BM25 of the question's stems in each section of the first drug
    experienced: bool = False  # it tells of an effect the person has had (intent.describes_experience)

    def plan_features(self) -> np.ndarray:
        """[1/rank of each section among the intents | each section's cue strong | no intent | two or more drugs |
        each section's cosine minus the best | each section's BM25 over the best | an effect the person has had]:
        the intent is the prior and the first drug's sections are the evidence where the question names something
        specific. The last is apart from the Counselling cue: "is that normal?" after an effect is a cue the sets
        written before the writers' brief stated the convention labelled Prescribing about a quarter of the time
        (relabelled since), and one bit lets the model weigh it on its own."""
        out = np.zeros(PLAN_FEATURES)
        for rank, section in enumerate(self.intents):
            if section in SECTION_KEYS and not out[SECTION_KEYS.index(section)]:
                out[SECTION_KEYS.index(section)] = 1.0 / (rank + 1)
        for section in self.strong:
            if section in SECTION_KEYS:
                out[_N + SECTION_KEYS.index(section)] = 1.0
        out[2 * _N], out[2 * _N + 1] = float(not self.intents), float(self.n_drugs > 1)
        dense, sparse = np.asarray(self.dense, dtype=np.float64), np.asarray(self.sparse, dtype=np.float64)
        out[2 * _N + 2:3 * _N + 2] = dense - dense.max()
        out[3 * _N + 2:4 * _N + 2] = sparse / sparse.max() if sparse.max() > 0 else sparse
        out[4 * _N + 2] = float(self.experienced)
        return out


def _block_scores(counts: Counter[int], weights: np.ndarray) -> np.ndarray:
    """One l2-normalised block of bucket counts dotted with each section's weights (buckets x sections: a bucket's
    six weights sit together, so a question touches one cache line per n-gram, not six)."""
    if not counts:
        return np.zeros(weights.shape[1])
    index = np.fromiter(counts, dtype=np.intp, count=len(counts))
    values = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
    return (values @ weights[index]) / (math.sqrt(float(values @ values)) or 1.0)


@dataclass
class SectionModel:
    """The trained weights, sections in SECTION_KEYS order. Trained on the engine's own reading of each question
    (SectionInputs, recorded by the engine as it answers): load them with the encoder they were trained for."""

    embedding: np.ndarray  # (sections, dim): weights of the unit embedding times embedding_scale
    ngrams: np.ndarray  # (WORD_FEATURES + CHAR_FEATURES, sections): weights of dose_model.features(), by bucket
    plan: np.ndarray  # (sections, PLAN_FEATURES): weights of SectionInputs.plan_features()
    bias: np.ndarray  # (sections,)
    embedding_scale: float = 2.0
    encoder: str = "minilm"
    training_sets: dict[str, str] | None = None  # file name -> sha256 of the data the weights came from

    @classmethod
    def load(cls, path: Path | str = WEIGHTS) -> SectionModel:
        with np.load(path, allow_pickle=False) as z:
            sizes = (int(z["word_features"]), int(z["char_features"]))
            if (sizes != (WORD_FEATURES, CHAR_FEATURES) or tuple(map(str, z["sections"])) != SECTION_KEYS
                    or z["w_plan"].shape[1] != PLAN_FEATURES):
                raise ValueError(f"{path}: weights for other features or sections: rerun "
                                 "python tools/train_section_model.py")
            return cls(
                embedding=z["w_embedding"].astype(np.float64),
                ngrams=np.ascontiguousarray(z["w_ngrams"].T, dtype=np.float64),
                plan=z["w_plan"].astype(np.float64), bias=z["bias"].astype(np.float64),
                embedding_scale=float(z["embedding_scale"]), encoder=str(z["encoder"]),
                training_sets=dict(zip(map(str, z["training_files"]), map(str, z["training_sha256"]), strict=True)),
            )

    def probabilities(self, inputs: SectionInputs) -> dict[str, float]:
        """P(section answers the question) for each section."""
        vector = np.asarray(inputs.vector, dtype=np.float64).ravel()
        if vector.shape[0] != self.embedding.shape[1]:
            raise ValueError(f"embedding of size {vector.size}; the weights expect {self.embedding.shape[1]} "
                             f"({self.encoder} encoder)")
        words, chars = bucket_counts(inputs.text)
        logits = self.bias + _block_scores(words, self.ngrams[:WORD_FEATURES])
        logits += _block_scores(chars, self.ngrams[WORD_FEATURES:])
        logits += self.plan @ inputs.plan_features()
        logits += self.embedding_scale * (self.embedding @ vector) / (float(np.linalg.norm(vector)) or 1.0)
        exp = np.exp(logits - logits.max())
        return dict(zip(SECTION_KEYS, (exp / exp.sum()).tolist(), strict=True))

"""Train the learned reading of which medicine a question asks about and write src/clincalc_search/data/asked_model.npz.

Needs scikit-learn (pip install -e '.[train]') and a built index (the lexicon reads each question as at query time):

    python tools/train_asked_model.py

Examples: every labelled question of the retrieval sets in eval/ (queries*.jsonl; the dose sets carry no drug labels)
that names a drug the corpus covers and a medicine it lacks, as DrugLexicon.masked reads it; the label is whether the
set says to abstain. Logistic regression (lbfgs, L2, C=3, classes balanced) over binary word 1-3 grams seen in two
questions or more, and asked_model.order_facts. C and the threshold come from whole sets left out in five folds
(forty-fifth session): on 966 questions at 0.8 the model alone found 196 of 248 out-of-corpus questions with 1 of 718
answerable ones taken for them, and beside the rules (fitted to these sets) it added 4 and 1. With the five compared
sets read since (1,550 questions, 543 out of corpus, the rules not fitted to the new ones), beside the rules and as the
engine uses it (not for taking both, nor for a topic of the corpus): 15 and 2 at 0.8, 21 and 2 at 0.7, which is the
threshold now. With six compared sets written only to train on and two-word names read (forty-sixth session;
2,257 questions, 899 out of corpus): 32 and 2 at 0.8, 38 and 4 at 0.7 of 1,358 answerable, so 0.7 stays. With four
more and biologics named by their first word (forty-seventh session; 2,718 questions, 1,130 out of corpus; a topic of
the corpus let through at TOPIC_SURE): 57 and 3 at 0.8, 61 and 5 at 0.7 of 1,588 answerable; 0.7 stays. With four
more (forty-eighth session; 3,181 questions, 1,362 out of corpus): 70 and 4 at 0.8, 81 and 7 at 0.7 of 1,819
answerable; 0.7 stays. The tool prints that table again.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from training_matrix import sha256

from clincalc_search import asked_model
from clincalc_search.asked_model import DRUG, TOPIC_SURE, AskedModel, order_facts, taken_together
from clincalc_search.drugs import normalise
from clincalc_search.engine import MEDICINE_MENTIONS, Engine, clean_question
from clincalc_search.intent import foreign_cue_words

ROOT = Path(__file__).resolve().parents[1]
C = 3.0
THRESHOLD = 0.7
FOLDS = 5
PARITY_TOLERANCE = 1e-5  # weights are stored as float32


def training_files() -> list[Path]:
    return sorted((ROOT / "eval").glob("queries*.jsonl"))


def examples(engine: Engine) -> list[tuple[str, str, bool, bool, bool]]:
    """(set file, masked question, labelled out of corpus, the rules read it so, an other medicine named is no topic of
    the corpus: what the engine lets the model speak of)."""
    lex = engine.lexicon
    out = []
    for path in training_files():
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line) if line.strip() else None
            if row is None or row.get("context_drug") or not (row["kind"] == "out_of_corpus" or row.get("drugs")):
                continue
            text = clean_question(row["question"])
            found = lex.recognise(text, foreign_cue_words(normalise(text)))
            masked, others = lex.masked(text, found)
            if not found.drugs or not others or DRUG not in masked:
                continue
            rules = lex.other_medicine_asked(text, found, MEDICINE_MENTIONS) is not None
            speaks = any(not lex.corpus_topic(o, MEDICINE_MENTIONS) for o in others)
            out.append((path.name, masked, row["kind"] == "out_of_corpus", rules, speaks))
    return out


def matrix(vectorizer: CountVectorizer, masked: list[str], fit: bool = False) -> sp.csr_matrix:
    grams = vectorizer.fit_transform(masked) if fit else vectorizer.transform(masked)
    return sp.hstack([grams, sp.csr_matrix(np.array([order_facts(m) for m in masked]))]).tocsr()


def fit(masked: list[str], y: np.ndarray) -> tuple[CountVectorizer, LogisticRegression]:
    vectorizer = CountVectorizer(ngram_range=(1, asked_model.NGRAMS), binary=True, min_df=2,
                                 token_pattern=r"[a-z0-9]+")
    X = matrix(vectorizer, masked, fit=True)
    return vectorizer, LogisticRegression(C=C, max_iter=3000, class_weight="balanced").fit(X, y)


def folds_table(rows: list[tuple[str, str, bool, bool, bool]]) -> str:
    """Sets dealt round-robin into folds; each fold's questions scored by a model trained on the others."""
    files = sorted({r[0] for r in rows})
    fold = np.array([files.index(r[0]) % FOLDS for r in rows])
    masked = [r[1] for r in rows]
    y = np.array([r[2] for r in rows])
    rules = np.array([r[3] for r in rows])
    together = np.array([taken_together(m) for m in masked])
    speaks = np.array([r[4] for r in rows])
    p = np.zeros(len(rows))
    for k in range(FOLDS):
        train, test = np.where(fold != k)[0], np.where(fold == k)[0]
        vectorizer, clf = fit([masked[i] for i in train], y[train])
        p[test] = clf.predict_proba(matrix(vectorizer, [masked[i] for i in test]))[:, 1]
    lines = [f"{len(rows)} questions naming both, {y.sum()} out of corpus; the rules (fitted to these sets) read "
             f"{(rules & y).sum()} of them and {(rules & ~y).sum()} answerable ones so", "",
             "| threshold | model alone: out of corpus found | answerable taken | beside the rules (as the engine uses "
             "it): found | taken |",
             "|---:|---:|---:|---:|---:|"]
    for t in (0.5, 0.7, 0.8, 0.9):
        # As the engine uses it: a topic of the corpus only when the reading is all but sure.
        alone, added = p >= t, (p >= t) & ~rules & ~together & (speaks | (p >= TOPIC_SURE))
        lines.append(f"| {t} | {(alone & y).sum()} | {(alone & ~y).sum()} | {(added & y).sum()} | "
                     f"{(added & ~y).sum()} |")
    return "\n".join(lines)


def main() -> None:
    rows = examples(Engine.load())
    masked, y = [r[1] for r in rows], np.array([r[2] for r in rows])
    vectorizer, clf = fit(masked, y)
    terms = vectorizer.get_feature_names_out()
    n = len(terms)
    coef = clf.coef_[0].astype(np.float32)
    np.savez_compressed(asked_model.WEIGHTS, terms=np.array(terms, dtype=str), weights=coef[:n], order=coef[n:],
                        bias=np.float64(clf.intercept_[0]), threshold=np.float64(THRESHOLD), c=np.float64(C),
                        training_files=np.array([p.name for p in training_files()], dtype=str),
                        training_sha256=np.array([sha256(p) for p in training_files()], dtype=str))
    model = AskedModel.load()
    expected = clf.predict_proba(matrix(vectorizer, masked))[:, 1]
    worst = max(abs(model.probability(m)[0] - e) for m, e in zip(masked, expected, strict=True))
    if worst > PARITY_TOLERANCE:
        raise SystemExit(f"AskedModel and sklearn differ by up to {worst:.2e}")
    print(f"wrote {asked_model.WEIGHTS.relative_to(ROOT)} from {len(rows)} questions ({n} n-grams); AskedModel "
          f"matches sklearn to {worst:.1e}\n")
    print(folds_table(rows))


if __name__ == "__main__":
    main()

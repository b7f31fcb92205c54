"""Whether the section model should learn class questions: each class set left out in turn, the model trained on all
the other sets with and without their class questions, scored on the left-out set's class questions (the engine's
first hit a labelled drug in the model's section). docs/EVALUATION.md, thirty-fourth session.

    CLINCALC_MODEL_DIR=/path/to/models python tools/cv_class_sections.py
"""

from __future__ import annotations

import json

import numpy as np
import train_section_model as t

from clincalc_search.engine import Engine
from clincalc_search.models import SECTION_KEYS

CLASS_SETS = ["eval/queries_heldout152.jsonl", "eval/queries_class_dev.jsonl", "eval/queries_heldout153.jsonl",
              "eval/queries_heldout156.jsonl", "eval/queries_heldout157.jsonl", "eval/queries_heldout158.jsonl",
              "eval/queries_heldout159.jsonl", "eval/queries_heldout163.jsonl", "eval/queries_heldout164.jsonl",
              "eval/queries_heldout165.jsonl"]


def class_flags(name: str) -> list[bool]:
    """For each example load_sets keeps from the set, in order: whether it is a class question."""
    rows = [json.loads(line) for line in (t.ROOT / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r["kind"] in ("class", "class_foreign") for r in rows if t.trained_on(r)]


def main() -> None:
    engine = Engine.load()
    engine.section_model = None  # the examples record the engine's answer without it, as the training tool does
    sets = t.load_sets(engine)
    flags = {name: class_flags(name) for name in sets}
    print("| left out | class questions | engine alone | model without class questions | with them |")
    print("|---|---:|---:|---:|---:|")
    for left in CLASS_SETS:
        test = [e for e, is_class in zip(sets[left], flags[left], strict=True) if is_class]
        Xt, _ = t.matrix(test)
        scores = []
        for with_classes in (False, True):
            train = [e for name in sets if name != left
                     for e, is_class in zip(sets[name], flags[name], strict=True) if with_classes or not is_class]
            chosen = iter(t.fit(*t.matrix(train)).predict_proba(Xt).argmax(axis=1))
            scores.append(np.mean([e.right(SECTION_KEYS[next(chosen)]) if e.inputs is not None else e.right()
                                   for e in test]))
        alone = np.mean([e.right() for e in test])
        print(f"| {left} | {len(test)} | {alone:.3f} | {scores[0]:.3f} | {scores[1]:.3f} |", flush=True)


if __name__ == "__main__":
    main()

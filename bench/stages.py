"""Where a warm question's time goes: `python -m bench.stages` times each stage of Engine.ask in one process,
over the warm mix the startup benchmark uses, and prints milliseconds per question (nested stages overlap:
"plan" holds the dose decision; the encode comes before both)."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from bench.questions import warm_mix, warmup_questions

REPEATS = 4


def _timed(owner: Any, name: str, label: str, spent: Counter[str]) -> None:
    inner: Callable[..., Any] = getattr(owner, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return inner(*args, **kwargs)
        finally:
            spent[label] += time.perf_counter() - started

    setattr(owner, name, wrapper)


def main(argv: list[str] | None = None) -> None:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m bench.stages", description=__doc__)
    parser.add_argument("--pause", type=float, default=0.0, metavar="S",
                        help="sleep S seconds before each question, as the warm benchmark does between questions "
                             "(a paused process meets its caches cold)")
    args = parser.parse_args(argv)
    from clincalc_search import engine as engine_module
    from clincalc_search.engine import Engine

    engine = Engine.load()
    spent: Counter[str] = Counter()
    for owner, name, label in [
        (engine, "_plan", "plan (recognition, intents, dose decision)"),
        (engine, "dose_decision", "dose decision (rules, learned model)"),
        (engine.encoder, "encode", "encode (ONNX)"),
        (engine_module.dose_guard, "check", "dose rules"),
        (engine.dose_model, "text_score", "learned dose model, n-grams"),
        (engine.dose_model, "probability", "learned dose model, embedding"),
        (engine.lexicon, "recognise", "drug recognition"),
        (engine, "_answer", "answer (scores, order, hits)"),
        (engine.dense, "scores", "dense scores"),
        (engine.sparse, "scores", "BM25 scores"),
        (engine, "_drug_order", "section order and evidence"),
        (engine, "_hits", "hits and highlights"),
    ]:
        if owner is not None:
            _timed(owner, name, label, spent)
    questions = [q.text for q in warm_mix(100)] * REPEATS
    for text in warmup_questions() + questions[:50]:
        engine.ask(text)
    spent.clear()
    total = 0.0
    for text in questions:
        if args.pause:
            time.sleep(args.pause)
        started = time.perf_counter()
        engine.ask(text)
        total += time.perf_counter() - started
    paused = f", {args.pause:g} s pause before each" if args.pause else ""
    print(f"{len(questions)} questions ({len(questions) // REPEATS} distinct × {REPEATS}{paused}), ms per question:\n")
    print("| stage | ms |\n|---|---|")
    print(f"| whole ask | {1000 * total / len(questions):.3f} |")
    for label, seconds in spent.most_common():
        print(f"| {label} | {1000 * seconds / len(questions):.3f} |")


if __name__ == "__main__":
    main()

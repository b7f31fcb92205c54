"""What the regex gates save: `python -m bench.regex_gates` times the dose guard's and the intent table's patterns
over every labelled question, each pattern bare and behind its gate, and prints microseconds per question."""

from __future__ import annotations

import json
import re
import time

from bench.timing import REPO


def main() -> None:
    from clincalc_search import dose_guard, intent  # noqa: F401 - importing them makes their gated patterns
    from clincalc_search.regex_gate import gated_patterns

    questions = [dose_guard.normalise(json.loads(line)["question"]) for path in sorted((REPO / "eval").glob("*.jsonl"))
                 for line in path.read_text(encoding="utf-8").splitlines() if line]
    gated = gated_patterns()
    plain = [re.compile(rx.pattern) for rx in gated]
    timings = {}
    for label, patterns in (("bare", plain), ("gated", gated), ("bare again", plain), ("gated again", gated)):
        started = time.perf_counter()
        for text in questions:
            for rx in patterns:
                rx.search(text)
        timings[label] = (time.perf_counter() - started) / len(questions) * 1e6
    print(f"{len(gated)} patterns ({sum(rx.required is not None for rx in gated)} gated), {len(questions)} questions; "
          "microseconds per question:\n")
    print("| patterns | µs |\n|---|---|")
    for label, micro in timings.items():
        print(f"| {label} | {micro:.1f} |")


if __name__ == "__main__":
    main()

"""Every labelled question's answer before and after a change, compared: how each change is checked beyond the sets
that measure it (docs/EVALUATION.md).

    python tools/answer_changes.py dump OUT.json [FILE ...]      ask every question of eval/*.jsonl (and FILEs)
    python tools/answer_changes.py compare BEFORE.json AFTER.json [FILE ...]

`dump` records, per question, whether it was refused and its first hit. Dump the "before" from a worktree at the
earlier commit (PYTHONPATH=<worktree>/src, the same index and models). `compare` lists each question whose answer
changed, marked gained or lost where its label judges the change, and counts refusals changed."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from clincalc_search.evaluation import EVAL_DIR, FirstAnswer, compare_answers, first_answers, labelled_rows


def _paths(extra: list[str]) -> list[Path]:
    return sorted(EVAL_DIR.glob("*.jsonl")) + [Path(f) for f in extra]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    dump = sub.add_parser("dump")
    dump.add_argument("out")
    dump.add_argument("files", nargs="*")
    compare = sub.add_parser("compare")
    compare.add_argument("before")
    compare.add_argument("after")
    compare.add_argument("files", nargs="*")
    args = parser.parse_args()
    if args.command == "dump":
        from clincalc_search.engine import Engine

        answers = first_answers(Engine.load(), _paths(args.files))
        Path(args.out).write_text(json.dumps({k: a.model_dump() for k, a in answers.items()}), encoding="utf-8")
        print(f"{len(answers)} questions asked: {args.out}")
        return

    def load(path: str) -> dict[str, FirstAnswer]:
        return {k: FirstAnswer.model_validate(v) for k, v in json.loads(Path(path).read_text(encoding="utf-8")).items()}

    lines, counts = compare_answers(load(args.before), load(args.after), labelled_rows(_paths(args.files)))
    print("\n".join(lines))
    print(", ".join(f"{name} {n}" for name, n in counts.items()))


if __name__ == "__main__":
    main()

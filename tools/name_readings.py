"""Every drug the lexicon reads into a labelled question by shorthand, misspelling or another language's spelling,
grouped by the word it read: how the twenty-third session found "ingoiato" (Italian, swallowed) read as adalimumab.

    python tools/name_readings.py            # readings that a label contradicts at least once, most used first
    python tools/name_readings.py --all      # every reading

A reading is contradicted when a retrieval question's label names other drugs, or the question is out of corpus.
Dose sets carry no drug labels: their uses are counted, not judged. A contradicted reading is often right (a second
drug named beside the labelled one); read the examples before calling it wrong."""

from __future__ import annotations

import argparse
from collections import defaultdict

from clincalc_search.drugs import normalise
from clincalc_search.engine import Engine, clean_question
from clincalc_search.evaluation import EVAL_DIR, load_jsonl
from clincalc_search.intent import foreign_cue_words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--all", action="store_true", help="list readings no label contradicts too")
    args = parser.parse_args()
    lexicon = Engine.load().lexicon
    uses: dict[tuple[str, str], list[str]] = defaultdict(list)
    against: dict[tuple[str, str], list[str]] = defaultdict(list)
    for path in sorted(EVAL_DIR.glob("*.jsonl")):
        for row in load_jsonl(path):
            text = clean_question(str(row["question"]))
            found = lexicon.recognise(text, foreign_cue_words(normalise(text)))
            labelled = row.get("drugs")
            for typed, drug in found.fuzzy.items():
                uses[(typed, drug)].append(text)
                if isinstance(labelled, list) and (row.get("kind") == "out_of_corpus" or drug not in labelled):
                    against[(typed, drug)].append(text)
    for key in sorted(uses, key=lambda k: (-len(against[k]), -len(uses[k]), k)):
        if against[key] or args.all:
            typed, drug = key
            example = (against[key] or uses[key])[0]
            print(f"{typed!r} -> {drug}: {len(uses[key])} uses, {len(against[key])} against a label; e.g. {example!r}")


if __name__ == "__main__":
    main()

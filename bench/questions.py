"""Question sets for the benchmark, drawn deterministically from the labelled eval files."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

from bench.timing import REPO

EVAL = REPO / "eval"
SEED = 7
# Kinds in eval/queries.jsonl that name a drug and ask for a section.
DRUG_SECTION_KINDS = ("natural", "shorthand", "brand", "misspelling", "consumer", "us_uk", "two_drug")
# Share of each category in the warm mix; dose questions come from eval/dose_queries.jsonl.
MIX = (("drug+section", 0.60), ("class", 0.15), ("abstain", 0.15), ("dose", 0.10))


@dataclass(frozen=True)
class Question:
    text: str
    category: str


def _jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _by_category() -> dict[str, list[str]]:
    rows = _jsonl(EVAL / "queries.jsonl")
    pools: dict[str, list[str]] = {
        "drug+section": [str(r["question"]) for r in rows if r["kind"] in DRUG_SECTION_KINDS],
        "class": [str(r["question"]) for r in rows if r["kind"] == "class"],
        "abstain": [str(r["question"]) for r in rows if r["kind"] == "out_of_corpus"],
        "dose": [str(r["question"]) for r in _jsonl(EVAL / "dose_queries.jsonl") if r["dose"]],
    }
    return pools


def encode_questions(count: int) -> list[str]:
    """Real-looking questions for the bare encode floor and as scale queries (follow-ups left out)."""
    rows = [str(r["question"]) for r in _jsonl(EVAL / "queries.jsonl") if r["kind"] != "followup"]
    return random.Random(SEED).sample(rows, min(count, len(rows)))


def warm_mix(count: int) -> list[Question]:
    """A shuffled mix of drug+section, class, abstain and dose questions, in the MIX proportions."""
    rng = random.Random(SEED)
    pools = _by_category()
    out: list[Question] = []
    for category, share in MIX:
        take = min(round(count * share), len(pools[category]))
        out += [Question(q, category) for q in rng.sample(pools[category], take)]
    rng.shuffle(out)
    return out


def warmup_questions() -> list[str]:
    """A few untimed questions to load the engine and touch every path before timing starts."""
    return ["what should I monitor on besponsa?", "tell me about DOACs", "how much warfarin",
            "what is teplizumab", "how does lithium work"]


def dose_questions() -> list[str]:
    return [str(r["question"]) for r in _jsonl(EVAL / "dose_queries.jsonl")]

"""Shared by the index reliability tests: fixture questions, and what a clean build answers to them."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from clincalc_search.engine import Engine
from clincalc_search.evaluation import MODES, Query, score_queries
from clincalc_search.index_store import read_manifest
from clincalc_search.settings import Settings

# In-corpus, class, dose, follow-up and out-of-corpus questions: damaged vectors show first as answers to
# questions outside the corpus (a NaN row scores as a match for anything).
QUESTIONS: list[Query] = [
    Query(id="q1", question="what should I monitor on warfarin?", kind="drug", drugs=["warfarin"],
          sections=["monitoring"]),
    Query(id="q2", question="how does lithium work", kind="drug", drugs=["lithium"], sections=["how_it_works"]),
    Query(id="q3", question="Besponsa evidence", kind="brand", drugs=["inotuzumab ozogamicin"],
          sections=["evidence"]),
    Query(id="q4", question="counselling for alendronic acid", kind="drug", drugs=["alendronic acid"],
          sections=["counselling"]),
    Query(id="q5", question="tell me about blood thinners", kind="class", drugs=["warfarin"],
          sections=["overview"]),
    Query(id="q6", question="and what should I monitor?", kind="followup", drugs=["lithium"],
          sections=["monitoring"], context_drug="lithium"),
    Query(id="q7", question="clotting factors and bleeding risk", kind="no-drug", drugs=["warfarin"],
          sections=["prescribing", "how_it_works", "overview"]),
    Query(id="q8", question="what is the capital of France", kind="out", drugs=[], sections=[]),
    Query(id="q9", question="best pizza near me", kind="out", drugs=[], sections=[]),
    Query(id="q10", question="how do I reset my password", kind="out", drugs=[], sections=[]),
    Query(id="q11", question="how much warfarin should I take", kind="dose", drugs=["warfarin"], sections=[]),
]


def answers(settings: Settings) -> dict[str, object]:
    """Everything a user or the evaluation sees from this index: each answer in full (scores included)
    for each retrieval mode, and the evaluation's scores."""
    engine = Engine.load(settings)
    seen: dict[str, object] = {}
    for mode in MODES:
        for q in QUESTIONS:
            answer = engine.ask(q.question, context_drug=q.context_drug, mode=mode)
            seen[f"{mode}:{q.id}"] = json.loads(answer.model_dump_json())
        scores, _ = score_queries(engine, QUESTIONS, mode)
        seen[f"{mode}:scores"] = {kind: s.model_dump() for kind, s in scores.items()}
    return seen


def vectors_of(index_dir: Path) -> np.ndarray:
    manifest = read_manifest(index_dir)
    return np.load(index_dir / manifest.files["vectors"])


def flip(path: Path, start: int, stop: int) -> None:
    """Corrupt bytes in place (XOR): the file keeps its size, so only its content is wrong."""
    data = bytearray(path.read_bytes())
    for i in range(start, min(stop, len(data))):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))

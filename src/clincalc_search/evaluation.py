"""Evaluation on labelled sets: retrieval quality per mode and kind, and the dose guard's recall."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel

from clincalc_search import dose_guard
from clincalc_search.settings import load_settings

if TYPE_CHECKING:
    from clincalc_search.engine import Engine, Mode

EVAL_DIR = Path(__file__).resolve().parents[2] / "eval"
MODES: tuple[Mode, ...] = ("bm25", "dense", "hybrid")


class Query(BaseModel):
    id: str
    question: str
    kind: str
    drugs: list[str]
    sections: list[str]
    context_drug: str | None = None


class Scores(BaseModel):
    n: int = 0
    drug_at_1: float = 0.0
    section_at_1: float = 0.0
    hit_at_3: float = 0.0
    mrr: float = 0.0
    abstain_ok: float = 0.0  # out-of-corpus questions that got no hits
    abstain_n: int = 0
    false_abstain: int = 0  # in-corpus questions that got no hits


def load_jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def score_queries(engine: Engine, queries: list[Query], mode: Mode) -> tuple[dict[str, Scores], list[str]]:
    """Metrics overall ('all') and per kind, plus a line for every question answered wrongly."""
    sums: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    misses: list[str] = []
    for q in queries:
        answer = engine.ask(q.question, top_k=10, context_drug=q.context_drug, mode=mode)
        found = [(h.drug, h.section) for h in answer.hits]
        rows = sums["all"], sums[q.kind]
        if not q.drugs:
            ok = not found
            for s in rows:
                s["abstain_n"] += 1
                s["abstain_ok"] += ok
            if not ok:
                misses.append(f"{q.id} [{q.kind}] {q.question!r}: expected abstention, got {found[:1]}")
            continue
        correct = [i for i, (d, sec) in enumerate(found) if d in q.drugs and sec in q.sections]
        values = {
            "n": 1,
            "drug_at_1": bool(found) and found[0][0] in q.drugs,
            "section_at_1": bool(correct) and correct[0] == 0,
            "hit_at_3": bool(correct) and correct[0] < 3,
            "mrr": 1 / (correct[0] + 1) if correct else 0.0,
            "false_abstain": not found,
        }
        for s in rows:
            for k, v in values.items():
                s[k] += float(v)
        if not values["section_at_1"]:
            misses.append(f"{q.id} [{q.kind}] {q.question!r}: expected {q.drugs[:2]}/{q.sections}, "
                          f"got {found[:2]}")
    out: dict[str, Scores] = {}
    for kind, s in sums.items():
        n = s["n"] or 1
        out[kind] = Scores(
            n=int(s["n"]), drug_at_1=s["drug_at_1"] / n, section_at_1=s["section_at_1"] / n,
            hit_at_3=s["hit_at_3"] / n, mrr=s["mrr"] / n, abstain_n=int(s["abstain_n"]),
            abstain_ok=s["abstain_ok"] / s["abstain_n"] if s["abstain_n"] else 1.0,
            false_abstain=int(s["false_abstain"]),
        )
    return out, misses


def score_retrievers(engine: Engine, queries: list[Query]) -> dict[str, Scores]:
    """Each retriever on its own over all sections (no drug focus, no intent), in-corpus questions only."""
    out: dict[str, Scores] = {}
    answerable = [q for q in queries if q.drugs and q.kind not in ("class", "class_foreign", "followup")]
    for mode in MODES:
        s = {"drug_at_1": 0.0, "section_at_1": 0.0, "hit_at_3": 0.0, "mrr": 0.0}
        for q in answerable:
            found = [(h.drug, h.section) for h in engine.search(q.question, top_k=10, mode=mode)]
            correct = [i for i, (d, sec) in enumerate(found) if d in q.drugs and sec in q.sections]
            s["drug_at_1"] += bool(found) and found[0][0] in q.drugs
            s["section_at_1"] += bool(correct) and correct[0] == 0
            s["hit_at_3"] += bool(correct) and correct[0] < 3
            s["mrr"] += 1 / (correct[0] + 1) if correct else 0.0
        n = len(answerable) or 1
        out[mode] = Scores(n=len(answerable), **{k: v / n for k, v in s.items()})
    return out


def _table(results: dict[str, dict[str, Scores]]) -> str:
    lines = ["| mode | kind | n | drug@1 | section@1 | hit@3 | MRR | abstained (out-of-corpus) | false abstentions |",
             "|---|---|---|---|---|---|---|---|---|"]
    for mode, per_kind in results.items():
        for kind in ["all", *sorted(k for k in per_kind if k != "all")]:
            s = per_kind[kind]
            lines.append(f"| {mode} | {kind} | {s.n} | {s.drug_at_1:.3f} | {s.section_at_1:.3f} | "
                         f"{s.hit_at_3:.3f} | {s.mrr:.3f} | {s.abstain_ok:.3f} of {s.abstain_n} | "
                         f"{s.false_abstain} |")
    return "\n".join(lines)


def run_retrieval(engine: Engine, file: str | None, show_misses: bool) -> int:
    path = Path(file) if file else EVAL_DIR / "queries.jsonl"
    queries = [Query.model_validate(row) for row in load_jsonl(path)]
    results: dict[str, dict[str, Scores]] = {}
    for mode in MODES:
        results[mode], misses = score_queries(engine, queries, mode)
        if show_misses and mode == "hybrid":
            print("\n".join(misses))
    print(f"Retrieval evaluation on {path.name} ({len(queries)} questions, encoder {load_settings().encoder})\n")
    print("Full engine (drug recognition, section intent, class groups, abstention) with each retriever:\n")
    print(_table(results))
    print("\nRetrievers alone over all sections (no drug focus, no intent; excludes class, follow-up and "
          "out-of-corpus questions):\n")
    print("| retriever | n | drug@1 | section@1 | hit@3 | MRR |\n|---|---|---|---|---|---|")
    for mode, s in score_retrievers(engine, queries).items():
        print(f"| {mode} | {s.n} | {s.drug_at_1:.3f} | {s.section_at_1:.3f} | {s.hit_at_3:.3f} | {s.mrr:.3f} |")
    return 0


def _cleaned(question: str) -> str:
    from clincalc_search.engine import clean_question

    return clean_question(question)


def run_dose(file: str | None, show_misses: bool, engine: Engine | None = None) -> int:
    """Recall and false refusals of the engine's dose decision (rules, then the learned model); with no engine,
    of the rules alone."""
    path = Path(file) if file else EVAL_DIR / "dose_queries.jsonl"
    rows = load_jsonl(path)
    tp = fn = fp = tn = 0
    misses: list[str] = []
    for row in rows:
        question = str(row["question"])
        decision = engine.dose_decision(_cleaned(question))[0] if engine else dose_guard.check(question)
        if row["dose"]:
            tp += decision.is_dose
            fn += not decision.is_dose
        else:
            fp += decision.is_dose
            tn += not decision.is_dose
        if decision.is_dose != row["dose"]:
            why = f" (rule {decision.rule}: {decision.matched!r})" if decision.is_dose else ""
            misses.append(f"{row['id']} [{row['category']}] dose={row['dose']}: {row['question']!r}{why}")
    recall = tp / (tp + fn) if tp + fn else 1.0
    false_refusal = fp / (fp + tn) if fp + tn else 0.0
    guard = "rules alone" if engine is None else "rules and learned model" if engine.dose_model else "rules"
    print(f"Dose guard ({guard}) on {path.name}: {len(rows)} questions ({tp + fn} dose, {fp + tn} non-dose)")
    print(f"recall {recall:.3f} ({tp}/{tp + fn})  false-refusal rate {false_refusal:.3f} ({fp}/{fp + tn})")
    if misses:
        print(f"\n{len(misses)} misclassified:" if show_misses else f"\n{len(misses)} misclassified "
              "(--show-misses lists them)")
        if show_misses:
            print("\n".join(misses))
    return 0


class HighlightLabel(BaseModel):
    """A question and the line of one section that answers it (null: no line should stand out)."""

    id: str
    question: str
    drug: str
    section: str
    line: str | None  # the exact text of the bullet or sentence


class HighlightScores(BaseModel):
    n: int = 0  # labelled with a line
    present: int = 0  # the labelled section was among the hits
    empty: int = 0  # present, but nothing highlighted
    first_ok: int = 0  # present, and the first highlight overlaps the labelled line
    negatives: int = 0  # labelled "no line stands out", section present
    negatives_empty: int = 0


def score_highlights(engine: Engine, labels: list[HighlightLabel]) -> tuple[HighlightScores, list[str]]:
    """Ask each question as written; in the hit for the labelled drug and section, does the first highlight
    overlap the labelled line? Also how often the hit was there at all and how often nothing was marked."""
    s = HighlightScores()
    misses: list[str] = []
    for label in labels:
        answer = engine.ask(label.question)
        hit = next((h for h in answer.hits if h.drug == label.drug and h.section == label.section), None)
        if label.line is None:
            if hit is not None:
                s.negatives += 1
                s.negatives_empty += not hit.highlights
                if hit.highlights:
                    misses.append(f"{label.id} {label.question!r}: expected no highlight, got "
                                  f"{hit.text[slice(*hit.highlights[0])]!r}")
            continue
        s.n += 1
        if hit is None:
            misses.append(f"{label.id} {label.question!r}: {label.drug}/{label.section} not among the hits")
            continue
        start = hit.text.find(label.line)
        if start < 0:
            raise ValueError(f"{label.id}: the labelled line is not in {label.drug}/{label.section}")
        s.present += 1
        if not hit.highlights:
            s.empty += 1
            misses.append(f"{label.id} {label.question!r}: nothing highlighted")
            continue
        first = hit.highlights[0]
        if first[0] < start + len(label.line) and start < first[1]:
            s.first_ok += 1
        else:
            misses.append(f"{label.id} {label.question!r}: highlighted {hit.text[first[0]:first[1]]!r}")
    return s, misses


def run_highlights(engine: Engine, file: str | None, show_misses: bool) -> int:
    path = Path(file) if file else EVAL_DIR / "highlights_dev.jsonl"
    labels = [HighlightLabel.model_validate(row) for row in load_jsonl(path)]
    s, misses = score_highlights(engine, labels)
    if show_misses:
        print("\n".join(misses) + "\n")
    present = s.present or 1
    print(f"Highlight evaluation on {path.name} ({len(labels)} questions, encoder {load_settings().encoder})\n")
    print("| measure | value |\n|---|---|")
    print(f"| first highlight overlaps the labelled line (labelled section present) | {s.first_ok / present:.3f} "
          f"({s.first_ok}/{s.present}) |")
    print(f"| first highlight overlaps the labelled line (all labelled questions) | {s.first_ok / (s.n or 1):.3f} "
          f"({s.first_ok}/{s.n}) |")
    print(f"| labelled section among the hits | {s.present / (s.n or 1):.3f} ({s.present}/{s.n}) |")
    print(f"| nothing highlighted (labelled section present) | {s.empty / present:.3f} ({s.empty}/{s.present}) |")
    if s.negatives:
        print(f"| no highlight where no line should stand out | {s.negatives_empty / s.negatives:.3f} "
              f"({s.negatives_empty}/{s.negatives}) |")
    return 0


class FirstAnswer(BaseModel):
    """What a change can move for one labelled question: whether it was refused, and its first hit."""

    refused: bool
    first: tuple[str, str] | None  # (drug, section)


def first_answers(engine: Engine, paths: list[Path]) -> dict[str, FirstAnswer]:
    """Every question of the labelled files asked once, keyed "file name|id"."""
    out: dict[str, FirstAnswer] = {}
    for path in paths:
        for row in load_jsonl(path):
            context = row.get("context_drug")
            answer = engine.ask(str(row["question"]), context_drug=str(context) if context else None)
            first = (answer.hits[0].drug, answer.hits[0].section) if answer.hits else None
            out[f"{path.name}|{row['id']}"] = FirstAnswer(refused=answer.refused, first=first)
    return out


def labelled_rows(paths: list[Path]) -> dict[str, dict[str, object]]:
    return {f"{path.name}|{row['id']}": row for path in paths for row in load_jsonl(path)}


def _right(row: dict[str, object], answer: FirstAnswer) -> bool | None:
    """Whether the answer is what the row's label asks for, as `eval` scores it: the refusal in a dose set, no
    answer out of corpus, else the first hit's drug and section; None when the row labels neither."""
    if "dose" in row:
        return answer.refused == bool(row["dose"])
    if row.get("kind") == "out_of_corpus":
        return answer.first is None
    drugs, sections = row.get("drugs"), row.get("sections")
    if not isinstance(drugs, list) or not isinstance(sections, list) or not drugs or not sections:
        return None
    return answer.first is not None and answer.first[0] in drugs and answer.first[1] in sections


def compare_answers(before: dict[str, FirstAnswer], after: dict[str, FirstAnswer],
                    rows: dict[str, dict[str, object]]) -> tuple[list[str], dict[str, int]]:
    """Each question whose refusal or first hit changed, as a line marked gained, lost or unjudged (its label does not
    judge the change: another section beside a dose set's answer, two wrong answers, two labelled sections), and
    the counts."""
    lines: list[str] = []
    counts = {"questions": len(after), "changed": 0, "refusals changed": 0, "gained": 0, "lost": 0, "unjudged": 0}
    for key in sorted(before.keys() & after.keys()):
        old, new = before[key], after[key]
        if old == new:
            continue
        counts["changed"] += 1
        counts["refusals changed"] += old.refused != new.refused
        row = rows.get(key, {})
        was, now = _right(row, old), _right(row, new)
        mark = "gained" if now and not was else "lost" if was and not now else "unjudged"
        counts[mark] += 1
        lines.append(f"{mark}: {key} {_shown(old)} -> {_shown(new)}: {str(row.get('question', ''))[:100]!r}")
    return lines, counts


def _shown(answer: FirstAnswer) -> str:
    first = "/".join(answer.first) if answer.first else "no hit"
    return f"refused, {first}" if answer.refused else first

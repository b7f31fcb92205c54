"""`python -m bench`: measure ClinCalc search next to its floor (the bare model) and write docs/PERFORMANCE.md."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from bench import build, cli_timing, floor, questions, report, startup
from bench.scale import measure, parse_scale
from bench.timing import REPO, bench_env, log, machine, summarise

FULL_SCALES = "1k,10k,100k,1M"
QUICK_SCALES = "1k,10k,100k"


@dataclass(frozen=True)
class Plan:
    """Repeat counts and sizes: the full run, or a smaller smoke run with --quick."""

    quick: bool
    scales: list[int]
    load_repeats: int = 5
    help_repeats: int = 5
    build_repeats: int = 2
    encode_questions: int = 200
    warm_questions: int = 100
    dose_repeats: int = 20
    scale_queries: int = 200
    scale_budget_s: float = 30.0
    sweep: tuple[int, ...] = (10_000, 25_000, 50_000, 75_000, 100_000, 150_000, 200_000, 300_000)

    @classmethod
    def make(cls, quick: bool, scales: list[int]) -> Plan:
        if not quick:
            return cls(False, scales)
        return cls(True, scales, load_repeats=2, help_repeats=3, build_repeats=1, encode_questions=100,
                   warm_questions=40, dose_repeats=5, scale_queries=100, scale_budget_s=8.0,
                   sweep=(10_000, 25_000, 50_000))


def _args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench", description=(
        "Benchmark ClinCalc search against the bare model and write docs/PERFORMANCE.md."))
    p.add_argument("--quick", action="store_true", help=f"smaller repeat counts, scales {QUICK_SCALES} (smoke run)")
    p.add_argument("--startup", action="store_true", help=(
        "only the cold-start measures (torch and ONNX floors, cold and warm ask, memory, build encoder, app "
        "first answer); rewrites that section of docs/PERFORMANCE.md"))
    p.add_argument("--scales", default=None, help=f"comma-separated chunk counts (default {FULL_SCALES})")
    p.add_argument("--output", type=Path, default=None, help=(
        "markdown file to write (default docs/PERFORMANCE.md; bench/out/PERFORMANCE-quick.md with --quick)"))
    return p.parse_args(argv)


def _floor_and_build(plan: Plan, corpus: Path, tmp: Path, res: dict[str, Any]) -> tuple[Any, Path, Path]:
    """Bare encode floor, then full builds interleaved with the bare batch encode of the same windows."""
    from clincalc_search.embedding import MiniLMEncoder

    encoder = MiniLMEncoder()
    t0 = time.perf_counter()
    _ = encoder.model  # the in-process load, for reference
    res["floor"] = {"in_process_load_s": time.perf_counter() - t0}
    qs = questions.encode_questions(plan.encode_questions)
    log(f"bare encode of {len(qs)} questions, batch of 1")
    times, qvecs = floor.per_question(encoder, qs)
    res["floor"]["encode"] = summarise(times)

    texts, owners = floor.window_texts(corpus)
    encodes, builds, inside, base = [], [], [], None
    for i in range(plan.build_repeats):
        log(f"bare batch encode of {len(texts)} windows ({i + 1}/{plan.build_repeats})")
        seconds, base = floor.batch_encode(encoder, texts)
        encodes.append(seconds)
        log(f"full build ({i + 1}/{plan.build_repeats})")
        index_dir = tmp / f"index-full-{i}"
        seconds, encoding, manifest = build.full_build(corpus, index_dir, encoder)
        builds.append(seconds)
        inside.append(encoding)
    res["build"] = {"full": builds, "encode": encodes, "encode_inside": inside, "windows": manifest.vector_count,
                    "chunks": manifest.chunk_count, "monographs": len(manifest.monographs)}
    log("incremental rebuilds on a copy of the corpus")
    res["build"]["incremental"] = build.incremental(corpus, index_dir, tmp / "incremental", encoder)

    inputs = tmp / "scale-inputs"
    inputs.mkdir()
    np.save(inputs / "base.npy", base)
    np.save(inputs / "owners.npy", owners)
    np.save(inputs / "qvecs.npy", qvecs)
    (inputs / "questions.json").write_text(json.dumps(qs), encoding="utf-8")
    return encoder, index_dir, inputs


def _cli(plan: Plan, corpus: Path, index_dir: Path, encoder: Any, res: dict[str, Any]) -> None:
    """Cold start against the bare model load, --help against python start-up (interleaved), warm --jsonl."""
    env = bench_env(corpus, index_dir)
    log("untimed warm-up of the page cache: one bare load, one cold ask")
    floor.model_load(env)
    cli_timing.cold_ask(env)
    loads, asks, oks = [], [], []
    for i in range(plan.load_repeats):
        log(f"bare model load vs cold ask ({i + 1}/{plan.load_repeats})")
        loads.append(floor.model_load(env))
        wall, ok = cli_timing.cold_ask(env)
        asks.append(wall)
        oks.append(ok)
    startups, helps = [], []
    for _ in range(plan.help_repeats):
        startups.append(floor.python_startup(env))
        helps.append(cli_timing.help_time(env))
    res["floor"].update(load=loads, python_startup=startups)
    res["cold"] = {"ask": asks, "ok": all(oks), "help": helps}

    mix = questions.warm_mix(plan.warm_questions)
    log(f"warm ask --jsonl over {len(mix)} questions, each after the bare encode of the same question")
    timed = cli_timing.warm_jsonl(env, mix, questions.warmup_questions(), lambda q: floor.encode_one(encoder, q))
    by_cat: dict[str, list[tuple[float, float]]] = {}
    for q, seconds, _, bare in timed:
        by_cat.setdefault(q.category, []).append((seconds, bare))
    res["warm"] = {"all": summarise([s for _, s, _, _ in timed]), "floor": summarise([b for *_, b in timed]),
                   "by_category": {c: {"cli": summarise([s for s, _ in v]), "floor": summarise([b for _, b in v])}
                                   for c, v in sorted(by_cat.items())},
                   "refused": sum(r for _, _, r, _ in timed)}


def _dose_guard(plan: Plan, res: dict[str, Any]) -> None:
    from clincalc_search import dose_guard

    qs = questions.dose_questions()
    for q in qs:
        dose_guard.check(q)
    times: list[float] = []
    for _ in range(plan.dose_repeats):
        for q in qs:
            t0 = time.perf_counter_ns()
            dose_guard.check(q)
            times.append((time.perf_counter_ns() - t0) / 1e9)
    res["dose_guard"] = {"summary": summarise(times), "questions": len(qs), "repeats": plan.dose_repeats}


def _scales(plan: Plan, corpus: Path, inputs: Path, res: dict[str, Any]) -> None:
    res["scales"] = []
    for n in plan.scales:
        log(f"scale {n:,} chunks (fresh process)")
        res["scales"].append(measure(n, inputs, corpus, plan.scale_budget_s, plan.scale_queries))
        log(f"scale {n:,} done in {res['scales'][-1]['wall_s']:.0f}s")
    log(f"exact sweep at {', '.join(f'{n:,}' for n in plan.sweep)}")
    res["sweep"] = measure(list(plan.sweep), inputs, corpus, min(plan.scale_budget_s, 8.0),
                           min(plan.scale_queries, 100))


def document(res: dict[str, Any]) -> str:
    m = res["machine"]
    machine_lines = "\n".join(f"- **{k.replace('_', ' ')}**: {v}" for k, v in m.items())
    return "\n\n".join([
        "# Performance",
        f"Measured by `bench/` on {res['date']} in {res['total_s'] / 60:.1f} minutes"
        f"{' (quick smoke run: fewer repeats, smaller scales)' if res['quick'] else ''}. Rerun with:",
        f"```sh\n{res['command']}\n```",
        "Every number was measured in this run. The machine is shared and noisy, so each measure is set "
        "next to its *floor* — the bare all-MiniLM-L6-v2 model doing the same work, measured in the same "
        "run — and the ratio is the number to compare between runs.",
        "## Machine", machine_lines + f"\n- **load average at end**: {res['load_average_at_end']}",
        "## Start-up and per question", report.per_question(res),
        "The overall warm ratio mixes categories: class, dose and most abstain questions are answered without "
        "encoding, so the drug+section row is the like-for-like comparison with the bare model.",
        "## Index build", report.build(res),
        "## Scale",
        "Synthetic chunks built from the real corpus: each vector is a real window embedding plus Gaussian "
        "noise of norm 0.5, renormalised (cosine ≈ 0.89 with its source); each text is the source section's "
        "drug names and title followed by as many sentences as that section has, drawn at random from all real "
        "sections of the same kind. Texts keep their real length at every scale. Queries are the embeddings "
        "and texts of real questions from `eval/queries.jsonl`. Per-query loops stop after a time budget once "
        "at least 20 queries are timed (see *Timed*). *ANN* is the approximate index `make_faiss_index` builds past "
        "the threshold: `IndexIVFFlat` with about 4·√n cells, inner product, nprobe 32.",
        report.scale(res), report.sweep(res),
        "## Is ANN_THRESHOLD right?", report.verdict(res),
    ]) + "\n"


def _startup_only(args: argparse.Namespace, argv: Sequence[str] | None) -> int:
    from clincalc_search.settings import load_settings

    settings = load_settings()
    output = args.output or REPO / "docs/PERFORMANCE.md"
    started = time.perf_counter()
    date = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    command = " ".join([".venv/bin/python -m bench", *(argv if argv is not None else sys.argv[1:])])
    mach = machine()
    with tempfile.TemporaryDirectory(prefix="clincalc-bench-") as name:
        res = startup.measure(settings.corpus_dir, Path(name), settings.model_dir, 2 if args.quick else 3, log)
    mach["load_average_at_end"] = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    out_dir = REPO / "bench/out"
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "results-startup.json").write_text(json.dumps({"machine": mach, **res}, indent=1), encoding="utf-8")
    section = startup.report(res, mach, date, command)
    old = output.read_text(encoding="utf-8") if output.exists() else "# Performance\n"
    output.write_text(startup.replace_section(old, section), encoding="utf-8")
    print(section)
    log(f"wrote the cold-start section of {output} in {(time.perf_counter() - started) / 60:.1f} min")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _args(argv)
    if args.startup:
        return _startup_only(args, argv)
    scales = [parse_scale(s) for s in (args.scales or (QUICK_SCALES if args.quick else FULL_SCALES)).split(",")]
    plan = Plan.make(args.quick, scales)
    output = args.output or (REPO / "bench/out/PERFORMANCE-quick.md" if args.quick else REPO / "docs/PERFORMANCE.md")
    from clincalc_search.index_store import ANN_THRESHOLD
    from clincalc_search.settings import load_settings

    corpus = load_settings().corpus_dir
    started = time.perf_counter()
    res: dict[str, Any] = {
        "machine": machine(), "quick": plan.quick, "ann_threshold": ANN_THRESHOLD, "corpus": str(corpus),
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "command": " ".join([".venv/bin/python -m bench", *(argv if argv is not None else sys.argv[1:])]),
    }
    with tempfile.TemporaryDirectory(prefix="clincalc-bench-") as name:
        tmp = Path(name)
        encoder, index_dir, inputs = _floor_and_build(plan, corpus, tmp, res)
        _cli(plan, corpus, index_dir, encoder, res)
        _dose_guard(plan, res)
        _scales(plan, corpus, inputs, res)
        log("cold start without torch: both floors, memory, build encoder, app")
        res["startup"] = startup.measure(corpus, tmp, load_settings().model_dir, plan.load_repeats, log)
    res["total_s"] = time.perf_counter() - started
    res["load_average_at_end"] = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    text = startup.replace_section(document(res), startup.report(res["startup"], res["machine"], res["date"],
                                                                 res["command"]))
    out_dir = REPO / "bench/out"
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / ("results-quick.json" if plan.quick else "results.json")).write_text(
        json.dumps(res, indent=1), encoding="utf-8")
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    print(text)
    log(f"wrote {output} in {res['total_s'] / 60:.1f} min")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

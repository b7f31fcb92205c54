"""Synthetic scale runs in a fresh process each: exact vs approximate (IVF) search, BM25, fused retrieval, memory."""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from bench import synthetic
from bench.timing import REPO, peak_rss_mb, rss_mb, run_timed, summarise, timed_loop

K = 50  # neighbours asked of the dense index
DRUG_SECTIONS = 6  # a drug-scoped question scores one monograph's sections


def parse_scale(text: str) -> int:
    """'1k' → 1000, '1M' → 1000000, '2500' → 2500."""
    t = text.strip().lower().replace("_", "")
    factor = {"k": 1_000, "m": 1_000_000}.get(t[-1:], 1)
    return int(float(t[:-1] if factor > 1 else t) * factor)


def _fuse(sparse: object, dense: object, text: str, vector: np.ndarray, candidates: np.ndarray) -> np.ndarray:
    """What Engine._scores and Engine._answer do in hybrid mode once the question is encoded: fuse, then
    take the best ten."""
    from clincalc_search.fusion import convex, top

    s = sparse.scores(text)  # type: ignore[attr-defined]
    d = dense.scores(vector, candidates)  # type: ignore[attr-defined]
    return top(convex(s, d, candidates), candidates, 10)


def _one_thread(measure: Callable[[], dict[str, float]]) -> dict[str, float]:
    """The same measurement with FAISS limited to one OpenMP thread (the default is one per core)."""
    import faiss

    before = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(1)
    try:
        return measure()
    finally:
        faiss.omp_set_num_threads(before)


def _inputs(folder: Path) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[str]]:
    questions = json.loads((folder / "questions.json").read_text(encoding="utf-8"))
    return (np.load(folder / "base.npy"), np.load(folder / "owners.npy"), np.load(folder / "qvecs.npy"),
            questions)


def run_scale(n: int, inputs: Path, corpus: Path, budget: float, queries: int, seed: int,
              max_words: int | None) -> dict[str, object]:
    """Everything measured at one scale; called in its own process so memory does not accumulate."""
    import faiss

    from clincalc_search.dense import DenseIndex
    from clincalc_search.index_store import make_faiss_index
    from clincalc_search.sparse import SparseIndex

    base, owners, qvecs, questions = _inputs(inputs)
    qvecs, questions = qvecs[:queries], questions[:queries]
    rng = np.random.default_rng(seed)
    rss = {"start": rss_mb()}
    load_start = os.getloadavg()[0]
    res: dict[str, object] = {"n": n, "dim": int(base.shape[1]), "noise": synthetic.NOISE, "queries": len(qvecs)}

    rows = rng.integers(0, len(base), n)
    temps, pools = synthetic.templates(corpus)
    t0 = time.perf_counter()
    docs = synthetic.texts(owners[rows], temps, pools, rng, max_words)
    res["texts_s"] = time.perf_counter() - t0
    res["mean_words"] = float(np.mean([len(d.split()) for d in docs[:20_000]]))
    rss["texts"] = rss_mb()

    t0 = time.perf_counter()
    x = synthetic.vectors(rows, base, rng)
    flat = faiss.IndexFlatIP(x.shape[1])
    flat.add(x)
    del x  # keep one copy: the flat index's own storage, viewed as an array
    xb = faiss.rev_swig_ptr(flat.get_xb(), n * flat.d).reshape(n, flat.d)
    res["vectors_s"] = time.perf_counter() - t0
    rss["flat"] = rss_mb()

    res["exact"] = summarise(timed_loop(lambda i: flat.search(qvecs[i : i + 1], K), len(qvecs), budget))
    res["exact_1t"] = _one_thread(lambda: summarise(timed_loop(lambda i: flat.search(qvecs[i : i + 1], K),
                                                                len(qvecs), budget)))
    truth_scores, truth = flat.search(qvecs, 10)

    t0 = time.perf_counter()
    hnsw = make_faiss_index(xb, approximate=True)  # the engine's approximate index (IVF), as built past the threshold
    res["hnsw_build_s"] = time.perf_counter() - t0
    rss["hnsw"] = rss_mb()
    res["hnsw"] = summarise(timed_loop(lambda i: hnsw.search(qvecs[i : i + 1], K), len(qvecs), budget))
    approx_scores, approx = hnsw.search(qvecs, K)
    res["recall10"] = float(np.mean([len(set(a[:10]) & set(t)) / 10 for a, t in zip(approx, truth, strict=True)]))
    # Near-ties are common in synthetic data: also compare how good the found neighbours are.
    res["score_ratio10"] = float(approx_scores[:, :10].sum() / truth_scores.sum())

    t0 = time.perf_counter()
    sparse = SparseIndex.build(docs)
    res["bm25_build_s"] = time.perf_counter() - t0
    gc.collect()
    rss["bm25"] = rss_mb()
    res["bm25"] = summarise(timed_loop(lambda i: sparse.scores(questions[i]), len(questions), budget))

    ids = np.arange(n, dtype=np.int32)
    exact_dense = DenseIndex(flat, ids, xb, n)
    hnsw_dense = DenseIndex(hnsw, ids, xb, n)
    everything = np.arange(n)
    scoped = [np.sort(rng.choice(n, DRUG_SECTIONS, replace=False)) for _ in questions]
    for name, dense, cands in (("fused_all_exact", exact_dense, None), ("fused_all_hnsw", hnsw_dense, None),
                               ("fused_drug", exact_dense, scoped)):
        def call(i: int, dense: DenseIndex = dense, cands: list[np.ndarray] | None = cands) -> object:
            return _fuse(sparse, dense, questions[i], qvecs[i], everything if cands is None else cands[i])
        res[name] = summarise(timed_loop(call, len(questions), budget))

    rss["final"] = rss_mb()
    res["rss_mb"] = rss
    res["peak_mb"] = peak_rss_mb()
    res["load"] = [load_start, os.getloadavg()[0]]
    return res


def run_sweep(sizes: list[int], inputs: Path, budget: float, queries: int, seed: int) -> list[dict[str, object]]:
    """Exact search only, at extra sizes, to place the crossover: k=50 and the engine's k=all path."""
    import faiss

    from clincalc_search.dense import DenseIndex

    base, _, qvecs, _ = _inputs(inputs)
    qvecs = qvecs[:queries]
    rng = np.random.default_rng(seed)
    x = synthetic.vectors(rng.integers(0, len(base), max(sizes)), base, rng)
    out: list[dict[str, object]] = []
    for n in sorted(sizes):
        flat = faiss.IndexFlatIP(x.shape[1])
        flat.add(x[:n])
        dense = DenseIndex(flat, np.arange(n, dtype=np.int32), x[:n], n)
        out.append({
            "n": n,
            "exact": summarise(timed_loop(lambda i, f=flat: f.search(qvecs[i : i + 1], K), len(qvecs), budget)),
            "exact_1t": _one_thread(lambda f=flat: summarise(
                timed_loop(lambda i: f.search(qvecs[i : i + 1], K), len(qvecs), budget))),
            "engine": summarise(timed_loop(lambda i, d=dense: d.scores(qvecs[i]), len(qvecs), budget)),
        })
        del flat, dense
    return out


def measure(n: int | list[int], inputs: Path, corpus: Path, budget: float, queries: int,
            max_words: int | None = None, timeout: float = 1800) -> dict[str, object]:
    """Run one scale (an int) or the exact sweep (a list) in a fresh `python -m bench.scale` process."""
    out = inputs / f"result-{n if isinstance(n, int) else 'sweep'}.json"
    cmd = [sys.executable, "-m", "bench.scale", "--inputs", str(inputs), "--corpus", str(corpus),
           "--out", str(out), "--budget", str(budget), "--queries", str(queries)]
    cmd += ["--sweep", ",".join(map(str, n))] if isinstance(n, list) else ["--n", str(n)]
    if max_words:
        cmd += ["--max-words", str(max_words)]
    wall, _ = run_timed(cmd, env=None, timeout=timeout, cwd=REPO)
    result = json.loads(out.read_text(encoding="utf-8"))
    return {"wall_s": wall, "points": result} if isinstance(n, list) else {**result, "wall_s": wall}


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.scale", description="one synthetic scale (worker)")
    p.add_argument("--n", type=parse_scale)
    p.add_argument("--sweep", default=None, help="comma-separated sizes: exact search only")
    p.add_argument("--inputs", type=Path, required=True)
    p.add_argument("--corpus", type=Path, required=True)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--budget", type=float, default=40.0, help="seconds per timed loop (min 20 calls)")
    p.add_argument("--queries", type=int, default=200)
    p.add_argument("--max-words", type=int, default=None)
    p.add_argument("--seed", type=int, default=11)
    args = p.parse_args(argv)
    if args.sweep:
        result: object = run_sweep([parse_scale(s) for s in args.sweep.split(",")], args.inputs, args.budget,
                                   args.queries, args.seed)
    else:
        result = run_scale(args.n, args.inputs, args.corpus, args.budget, args.queries, args.seed, args.max_words)
    args.out.write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

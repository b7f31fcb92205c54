"""Index build timing: a full build against the bare batch encode of its windows, and incremental rebuilds."""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from bench.cli_timing import cli_path
from bench.timing import bench_env, run_timed

if TYPE_CHECKING:
    from clincalc_search.embedding import MiniLMEncoder
    from clincalc_search.index_store import Manifest

CHANGED_FILE = "warfarin.md"


class TimedEncoder:
    """Wraps the real encoder and adds up the time spent in encode, so a build's encoding can be told
    apart from everything else it does (validation, chunking, FAISS, BM25, writing files)."""

    def __init__(self, inner: MiniLMEncoder) -> None:
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self.encode_s = 0.0

    def identity(self) -> str:
        return self.inner.identity()

    def encode(self, texts: list[str], show_progress: bool = False) -> np.ndarray:
        t0 = time.perf_counter()
        try:
            return self.inner.encode(texts, show_progress=show_progress)
        finally:
            self.encode_s += time.perf_counter() - t0


def full_build(corpus_dir: Path, index_dir: Path, encoder: MiniLMEncoder) -> tuple[float, float, Manifest]:
    """build_index into an empty folder (no embedding cache), with the model already loaded; returns the
    build's wall time, the part of it spent encoding, and the manifest."""
    from clincalc_search.index_store import build_index

    if index_dir.exists() and any(index_dir.iterdir()):
        raise RuntimeError(f"{index_dir} is not empty: a full build must start without a cache")
    timed = TimedEncoder(encoder)
    t0 = time.perf_counter()
    manifest = build_index(corpus_dir, index_dir, timed, progress=False)
    return time.perf_counter() - t0, timed.encode_s, manifest


def append_word(path: Path, word: str) -> None:
    """Append one word to the last line of a monograph's overview (the text before the first `## `)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    closing = next(i for i, line in enumerate(lines) if i > 0 and line.strip() == "---")
    first_heading = next(i for i, line in enumerate(lines) if i > closing and line.startswith("## "))
    last = max(i for i in range(closing + 1, first_heading) if lines[i].strip())
    lines[last] = lines[last].rstrip() + f" {word}"
    path.write_text("\n".join(lines), encoding="utf-8")


def incremental(real_corpus: Path, built_index: Path, work: Path, encoder: MiniLMEncoder) -> dict[str, object]:
    """Rebuild times in a COPY of the corpus and index: unchanged, one overview changed (in process, model
    loaded), and one more change through `clincalc-search build` (a new process, model load included)."""
    from clincalc_search.index_store import build_index, read_manifest

    corpus, index = work / "corpus", work / "index"
    shutil.copytree(real_corpus, corpus)
    shutil.copytree(built_index, index)
    target = corpus / "monographs" / CHANGED_FILE
    if not target.exists():
        target = sorted((corpus / "monographs").glob("*.md"))[0]
    if target.resolve().is_relative_to(real_corpus.resolve()):
        raise RuntimeError("refusing to edit the real corpus")

    t0 = time.perf_counter()
    unchanged = build_index(corpus, index, encoder, progress=False)
    unchanged_s = time.perf_counter() - t0

    append_word(target, "reviewed")
    t0 = time.perf_counter()
    changed = build_index(corpus, index, encoder, progress=False)
    changed_s = time.perf_counter() - t0

    append_word(target, "again")
    cli_wall, _ = run_timed([cli_path(), "build", "--quiet"], bench_env(corpus, index))
    cli_manifest = read_manifest(index)
    return {
        "file": target.name,
        "unchanged_s": unchanged_s, "unchanged_embedded": unchanged.embedded,
        "changed_s": changed_s, "changed_embedded": changed.embedded,
        "cli_wall_s": cli_wall, "cli_build_seconds": cli_manifest.build_seconds,
        "cli_embedded": cli_manifest.embedded, "vectors": changed.vector_count,
    }

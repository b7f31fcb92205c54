"""Index mutator: whatever byte range of whatever index file is damaged, `build` restores a correct index.

A clean fake-encoder index is built once. Each case copies it, damages one file (bytes XOR-ed with random
non-zero bytes, the file cut short, or the file removed) chosen by role, runs `build_index`, and checks that
the rebuilt index answers a fixed list of questions (every mode, every score, the evaluation's metrics)
exactly as the clean build does, with the same vectors. Cases come from a seeded generator, so every run
damages the same bytes, and are few enough to stay fast.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import numpy as np
import pytest

from clincalc_search import index_store
from clincalc_search.embedding import FakeEncoder
from clincalc_search.index_store import MANIFEST, build_index, read_manifest
from clincalc_search.settings import Settings

from .conftest import FIXTURE_CORPUS
from .index_checks import answers, vectors_of

ROLES = ["faiss", "chunks", "owners", "vectors", "hashes", "sparse", "monographs", "tables", "manifest"]
CASES_PER_ROLE = 12
# The roles the embedding cache is read from: damage there must drop the cache, so everything is re-embedded.
CACHE_ROLES = {"vectors", "hashes"}


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object], np.ndarray]:
    index_dir = tmp_path_factory.mktemp("pristine") / "index"
    build_index(FIXTURE_CORPUS, index_dir, FakeEncoder(), progress=False)
    settings = Settings(corpus_dir=FIXTURE_CORPUS, index_dir=index_dir, encoder="fake")
    return index_dir, answers(settings), vectors_of(index_dir)


def _target(index_dir: Path, role: str, rng: random.Random) -> Path:
    if role == "manifest":
        return index_dir / MANIFEST
    path = index_dir / read_manifest(index_dir).files[role]
    return rng.choice(sorted(p for p in path.iterdir() if p.is_file())) if path.is_dir() else path


def _damage(path: Path, rng: random.Random) -> str:
    data = bytearray(path.read_bytes())
    how = rng.choices(["xor", "truncate", "delete"], weights=[8, 1, 1])[0]
    if how == "delete" or not data:
        path.unlink()
        return "deleted"
    start = rng.randrange(len(data))
    if how == "truncate":
        path.write_bytes(bytes(data[:start]))
        return f"cut at {start}"
    stop = min(len(data), start + rng.choice([1, 4, 64, 4096, len(data)]))
    for i in range(start, stop):
        data[i] ^= rng.randrange(1, 256)
    path.write_bytes(bytes(data))
    return f"bytes {start}:{stop} of {len(data)} changed"


@pytest.mark.parametrize("role", ROLES)
def test_build_repairs_any_damage(role: str, pristine: tuple[Path, dict[str, object], np.ndarray],
                                  tmp_path: Path) -> None:
    source, clean, clean_vectors = pristine
    rng = random.Random(f"index-mutator-{role}")
    for case in range(CASES_PER_ROLE):
        index_dir = tmp_path / f"case-{case}"
        shutil.copytree(source, index_dir)
        target = _target(index_dir, role, rng)
        what = f"{role} file {target.name}: {_damage(target, rng)}"
        manifest = build_index(FIXTURE_CORPUS, index_dir, FakeEncoder(), progress=False)
        if role in CACHE_ROLES:
            assert manifest.embedded == manifest.vector_count, what
        assert np.array_equal(vectors_of(index_dir), clean_vectors), what
        settings = Settings(corpus_dir=FIXTURE_CORPUS, index_dir=index_dir, encoder="fake")
        assert answers(settings) == clean, what


def test_damaged_rows_are_re_embedded_alone(pristine: tuple[Path, dict[str, object], np.ndarray],
                                            tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A vectors file too large to hash is checked by size only, so a damaged row passes the file check:
    rows that are not finite unit vectors are dropped from the cache one by one and re-embedded."""
    source, clean, clean_vectors = pristine
    monkeypatch.setattr(index_store, "HASH_LIMIT", 0)  # every file counts as too large to hash
    index_dir = tmp_path / "index"
    shutil.copytree(source, index_dir)
    manifest = build_index(FIXTURE_CORPUS, index_dir, FakeEncoder(), progress=False)
    assert manifest.file_hashes["vectors"] == "size-only"
    path = index_dir / manifest.files["vectors"]
    vectors = np.load(path)
    hashes = np.load(index_dir / manifest.files["hashes"])
    damaged = {2: np.nan, 7: np.inf, 11: 3.0}  # NaN, infinite, and finite but not a unit vector
    assert len({bytes(hashes[i]) for i in damaged}) == len(damaged)
    for row, value in damaged.items():
        vectors[row, : 5] = value
    size = path.stat().st_size
    np.save(path, vectors)
    assert path.stat().st_size == size  # same shape: only the content is wrong
    rebuilt = build_index(FIXTURE_CORPUS, index_dir, FakeEncoder(), progress=False)
    assert rebuilt.embedded == len(damaged)
    assert np.array_equal(vectors_of(index_dir), clean_vectors)
    settings = Settings(corpus_dir=FIXTURE_CORPUS, index_dir=index_dir, encoder="fake")
    assert answers(settings) == clean

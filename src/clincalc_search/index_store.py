"""Build, store and load the index: FAISS vectors, chunk table and manifest, swapped in atomically."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from pydantic import BaseModel

from clincalc_search import corpus_tables, everyday_words, other_medicines
from clincalc_search.chunking import chunk_monographs, sparse_text, windows
from clincalc_search.corpus import load_classes, monograph_files
from clincalc_search.corpus_tables import CorpusTables
from clincalc_search.embedding import Encoder
from clincalc_search.models import Chunk, DrugClass, Monograph, Problem
from clincalc_search.pinned import PinnedFile
from clincalc_search.sparse import SparseIndex
from clincalc_search.validation import validate_corpus

if TYPE_CHECKING:
    import faiss

SCHEMA_VERSION = 14  # 6: units for highlights; 7: corpus tables at build; 8: everyday words; 9: names as written;
# 10: names of other medicines; 11: their two-word names spelt the Romance way; 12: brands abroad spelt so; 13: the
# drug lexicon as built; 14: other medicines' European brands
MANIFEST = "manifest.json"
LOCK = ".build.lock"
# Below this many vectors exact search is fast enough (docs/PERFORMANCE.md); from it an IVF index is built.
ANN_THRESHOLD = 100_000
# IVF: about 4·√n cells, trained on a sample; nprobe cells are scanned per query. On the benchmark's 1M
# synthetic chunks nprobe 16 already gave recall@10 1.000 against exact search; 32 leaves a margin.
IVF_CELLS_PER_SQRT_N = 4
IVF_TRAIN_PER_CELL = 64
IVF_NPROBE = 32
_DATA_PREFIXES = ("dense-", "chunks-", "owners-", "vectors-", "hashes-", "sparse-", "monographs-", "units-", "tables-",
                  "unitvectors-", "unithashes-", "everyday-", "medicines-", "lexicon-")


class Snapshot(BaseModel):
    monographs: list[Monograph]
    classes: list[DrugClass]


class IndexError_(Exception):
    """The index cannot serve; the message says what to run."""


class IndexMissing(IndexError_):
    pass


class IndexStale(IndexError_):
    pass


class IndexCorrupt(IndexError_):
    pass


class BuildRefused(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"corpus has {len(problems)} problem(s); index not built")
        self.problems = problems


class Manifest(BaseModel):
    schema_version: int
    build_id: str
    model_name: str
    model_dim: int
    model_identity: str
    monographs: dict[str, str]  # file name → sha256
    classes_sha256: str
    chunk_count: int
    vector_count: int
    faiss_type: str
    embedded: int = 0  # windows embedded by this build; the rest came from the previous build's cache
    unit_count: int = 0  # sentences and bullets, embedded for highlights
    units_embedded: int = 0  # units embedded by this build; the rest came from the previous build's cache
    files: dict[str, str]  # role → file name inside the index folder
    file_sizes: dict[str, int]
    file_hashes: dict[str, str]  # role → sha256 ("size-only" for very large files)
    built_at: str
    build_seconds: float
    onnx_sha256: str | None = None  # the exported ONNX file questions are encoded with (None: no ONNX encoder)
    # data/brands_abroad.csv as built into the names of other medicines: a changed list is a stale index, as a changed
    # monograph is (None: built before the list was checked)
    brands_sha256: str | None = None


# Files larger than this are checked by size only when loading: hashing gigabytes would slow every start.
HASH_LIMIT = 256 * 1024 * 1024


def _sha256(path: Path) -> str:
    """Content hash of a file, or a marker for what stands there instead (nothing, a folder, a file this
    user may not read...): a marker never equals a hash, so the index reads as stale instead of crashing."""
    if not path.exists():
        return ""
    if not path.is_file():
        return "not-a-file"
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
    except OSError as exc:
        return f"unreadable ({exc.strerror or exc.__class__.__name__})"
    return h.hexdigest()


def _content_hash(path: Path) -> str:
    if path.is_dir():
        return hashlib.sha256("".join(f.name + _sha256(f) for f in sorted(path.iterdir())).encode()).hexdigest()
    return _sha256(path) if path.stat().st_size <= HASH_LIMIT else "size-only"


def corpus_fingerprint(corpus_dir: Path) -> tuple[dict[str, str], str]:
    files = {p.name: _sha256(p) for p in monograph_files(corpus_dir / "monographs")}
    return files, _sha256(corpus_dir / "classes.yaml")


def model_changed(manifest: Manifest, encoder: Encoder) -> bool:
    return (manifest.model_name != encoder.name or manifest.model_identity != encoder.identity()
            or onnx_problem(manifest, encoder) is not None)


def onnx_problem(manifest: Manifest, encoder: Encoder) -> str | None:
    """A missing, foreign or changed ONNX export: the ONNX encoder could not answer for this index."""
    check = getattr(encoder, "onnx_problem", None)
    return check(manifest.onnx_sha256) if check else None


def staleness(manifest: Manifest, corpus_dir: Path, encoder: Encoder) -> list[str]:
    """Why the index no longer matches the corpus or the model; empty when it is current."""
    reasons: list[str] = []
    files, classes_sha = corpus_fingerprint(corpus_dir)
    if model_changed(manifest, encoder):
        reasons.append(onnx_problem(manifest, encoder) or f"model changed (index built with {manifest.model_name})")
    unreadable = sorted(name for name, sha in files.items() if sha.startswith("unreadable"))
    if unreadable:
        reasons.append(f"cannot read {', '.join(unreadable)}")
    changed = [(n, h) for n, h in set(files.items()) ^ set(manifest.monographs.items()) if n not in unreadable]
    if changed:
        names = sorted({name for name, _ in changed})
        more = f" and {len(names) - 3} more" if len(names) > 3 else ""
        reasons.append(f"monographs changed: {', '.join(names[:3])}{more}")
    if classes_sha != manifest.classes_sha256:
        reasons.append("classes.yaml changed")
    if manifest.brands_sha256 != _sha256(other_medicines.BRANDS_ABROAD):
        reasons.append("the brands of other medicines changed (data/brands_abroad.csv)")
    return reasons


def _write(path: Path, data: bytes) -> None:
    with open(path, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def _window_hash(identity: str, text: str) -> bytes:
    return hashlib.blake2b(f"{identity}\n{text}".encode(), digest_size=16).digest()


# A stored row must be a unit vector (both encoders normalise) to within float32 rounding.
NORM_TOLERANCE = 1e-3
_ROW_BLOCK = 65_536


def _verified_file(index_dir: Path, manifest: Manifest, role: str) -> Path | None:
    """The previous build's file for a role, only if it still has the size and content hash its manifest
    recorded; files too large to hash ("size-only") are checked by size here and row by row by the caller."""
    name = manifest.files.get(role)
    if name is None or Path(name).name != name:
        return None
    path = index_dir / name
    try:
        if not path.is_file() or path.stat().st_size != manifest.file_sizes.get(role):
            return None
        expected = manifest.file_hashes.get(role)
        if expected == "size-only":
            return path if path.stat().st_size > HASH_LIMIT else None
        return path if _sha256(path) == expected else None
    except OSError:
        return None


def sound_rows(vectors: np.ndarray) -> np.ndarray:
    """Which rows are finite unit vectors: anything else (NaN, infinities, damaged bytes) is re-embedded."""
    ok = np.zeros(len(vectors), dtype=bool)
    for start in range(0, len(vectors), _ROW_BLOCK):  # in blocks: a memory-mapped file may be gigabytes
        block = np.asarray(vectors[start : start + _ROW_BLOCK], dtype=np.float64)
        finite = np.isfinite(block).all(axis=1)
        norms = np.linalg.norm(np.where(np.isfinite(block), block, 0.0), axis=1)
        ok[start : start + len(block)] = finite & (np.abs(norms - 1.0) <= NORM_TOLERANCE)
    return ok


def _previous_embeddings(index_dir: Path, identity: str, dim: int, roles: tuple[str, str] = ("hashes", "vectors")
                         ) -> dict[bytes, np.ndarray]:
    """Vectors of the index being replaced, by text hash, so unchanged sections are not re-embedded.
    Nothing is trusted unverified: a file that no longer matches its manifest drops the whole cache (its
    rows cannot be told apart from damage), and a row that is not a finite unit vector is dropped alone."""
    try:
        manifest = read_manifest(index_dir)
        if manifest.model_identity != identity or manifest.model_dim != dim:
            return {}
        hashes_path = _verified_file(index_dir, manifest, roles[0])
        vectors_path = _verified_file(index_dir, manifest, roles[1])
        if hashes_path is None or vectors_path is None:
            return {}
        hashes = np.load(hashes_path, allow_pickle=False)
        vectors = np.load(vectors_path, mmap_mode="r", allow_pickle=False)
        if (hashes.dtype != np.dtype("S16") or hashes.ndim != 1 or vectors.dtype != np.float32
                or vectors.shape != (len(hashes), dim)):
            return {}
        ok = sound_rows(vectors)
        return {bytes(hashes[i]): vectors[i] for i in np.flatnonzero(ok)}
    except Exception:  # noqa: BLE001 - the cache only saves time: whatever is wrong with it, embed afresh
        return {}


def _embed(monographs: list[Monograph], chunks: list[Chunk], encoder: Encoder, identity: str, progress: bool,
           cache: dict[bytes, np.ndarray]) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    brands = {m.name: m.brands for m in monographs}
    texts: list[str] = []
    owners: list[int] = []
    for chunk in chunks:
        for text in windows(chunk, brands[chunk.drug]):
            texts.append(text)
            owners.append(chunk.id)
    vectors, hashes, embedded = _embed_texts(texts, encoder, identity, progress, cache)
    return vectors, np.asarray(owners, dtype=np.int32), hashes, embedded


def _embed_texts(texts: list[str], encoder: Encoder, identity: str, progress: bool,
                 cache: dict[bytes, np.ndarray]) -> tuple[np.ndarray, np.ndarray, int]:
    """Vectors of texts (cached ones reused), their hashes, and how many had to be embedded."""
    hashes = np.array([_window_hash(identity, t) for t in texts], dtype="S16")
    vectors = np.zeros((len(texts), encoder.dim), dtype=np.float32)
    missing = [i for i, h in enumerate(hashes) if bytes(h) not in cache]
    for i, h in enumerate(hashes):
        if bytes(h) in cache:
            vectors[i] = cache[bytes(h)]
    if missing:
        vectors[missing] = encoder.encode([texts[i] for i in missing], show_progress=progress)
    return vectors, hashes, len(missing)


def _embed_units(chunks: list[Chunk], encoder: Encoder, identity: str, progress: bool,
                 cache: dict[bytes, np.ndarray]) -> tuple[np.ndarray, np.ndarray, bytes, int]:
    """Every section's bullets and sentences, embedded bare (the highlight compares units of one section,
    so a heading shared by all of them would only blur the difference): vectors, hashes, and the spans and
    stems as JSON ({"spans": [[chunk id, start, end], ...], "stems": [[stem, ...], ...]})."""
    from clincalc_search.highlight import unit_spans
    from clincalc_search.sparse import stems

    spans = [(c.id, start, end) for c in chunks for start, end in unit_spans(c.text)]
    texts = [chunks[cid].text[start:end] for cid, start, end in spans]
    vectors, hashes, embedded = _embed_texts(texts, encoder, identity, progress, cache)
    table = {"spans": [list(s) for s in spans], "stems": stems(texts) if texts else []}
    return vectors, hashes, json.dumps(table, separators=(",", ":")).encode(), embedded


def make_faiss_index(vectors: np.ndarray, approximate: bool | None = None) -> faiss.Index:
    """Exact inner product while small; an inverted-file index (inner product) from ANN_THRESHOLD vectors."""
    import faiss

    dim = vectors.shape[1]
    if approximate is None:
        approximate = len(vectors) >= ANN_THRESHOLD
    if not approximate:
        index = faiss.IndexFlatIP(dim)
        index.add(vectors)
        return index
    cells = max(1, int(IVF_CELLS_PER_SQRT_N * np.sqrt(len(vectors))))
    ivf = faiss.IndexIVFFlat(faiss.IndexFlatIP(dim), dim, cells, faiss.METRIC_INNER_PRODUCT)
    rng = np.random.default_rng(0)  # a fixed sample, so the same corpus builds the same index
    sample = vectors[rng.choice(len(vectors), min(len(vectors), IVF_TRAIN_PER_CELL * cells), replace=False)]
    ivf.train(np.ascontiguousarray(sample))
    ivf.add(vectors)
    tune_for_search(ivf)
    return ivf


def tune_for_search(index: faiss.Index) -> None:
    """Search-time settings are not all stored in the FAISS file: set them after every load."""
    if hasattr(index, "nprobe"):
        index.nprobe = IVF_NPROBE


def build_index(corpus_dir: Path, index_dir: Path, encoder: Encoder, progress: bool = True) -> Manifest:
    """Validate, chunk, embed and write a new index; the old one serves until the manifest is swapped."""
    import faiss
    from filelock import FileLock

    index_dir.mkdir(parents=True, exist_ok=True)
    with FileLock(str(index_dir / LOCK)):
        started = time.perf_counter()
        monographs, problems = validate_corpus(corpus_dir)
        problems = [p for p in problems if p.blocks_build]  # editorial gaps fail `validate`, not the build
        if problems:
            raise BuildRefused(problems)
        files, classes_sha = corpus_fingerprint(corpus_dir)
        chunks = chunk_monographs(monographs)
        identity = encoder.identity()  # reads the model's files: once per build
        export = getattr(encoder, "ensure_exported", None)  # the ONNX encoder exports at its first build
        onnx_sha256 = export() if export else None
        cache = _previous_embeddings(index_dir, identity, encoder.dim)
        vectors, owners, hashes, embedded = _embed(monographs, chunks, encoder, identity, progress, cache)
        cache.update(_previous_embeddings(index_dir, identity, encoder.dim, ("unit_hashes", "unit_vectors")))
        unit_vectors, unit_hashes, units, units_embedded = _embed_units(chunks, encoder, identity, progress, cache)
        del cache
        index = make_faiss_index(vectors)
        by_name = {m.name: m for m in monographs}
        sparse = SparseIndex.build([
            sparse_text(c, [c.drug, *by_name[c.drug].other_names, *by_name[c.drug].brands]) for c in chunks
        ])

        build_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
        names = {
            "faiss": f"dense-{build_id}.faiss",
            "chunks": f"chunks-{build_id}.jsonl",
            "owners": f"owners-{build_id}.npy",
            "vectors": f"vectors-{build_id}.npy",
            "hashes": f"hashes-{build_id}.npy",
            "sparse": f"sparse-{build_id}",
            "monographs": f"monographs-{build_id}.json",
            "units": f"units-{build_id}.json",
            "unit_vectors": f"unitvectors-{build_id}.npy",
            "unit_hashes": f"unithashes-{build_id}.npy",
            "tables": f"tables-{build_id}.json",
            "everyday": f"everyday-{build_id}.json",
            "medicines": f"medicines-{build_id}.json",
            "lexicon": f"lexicon-{build_id}.pickle",
        }
        # Data files carry the build id, so writing them never disturbs the index being served.
        faiss.write_index(index, str(index_dir / names["faiss"]))
        _write(index_dir / names["chunks"], "".join(c.model_dump_json() + "\n" for c in chunks).encode())
        for role, array in (("owners", owners), ("vectors", vectors), ("hashes", hashes),
                            ("unit_vectors", unit_vectors), ("unit_hashes", unit_hashes)):
            np.save(index_dir / names[role], array)
        _write(index_dir / names["units"], units)
        classes = load_classes(corpus_dir / "classes.yaml")[0]
        tables = corpus_tables.compute(monographs, classes, chunks)
        tables_json = tables.model_dump_json().encode()
        _write(index_dir / names["tables"], tables_json)
        _write(index_dir / names["everyday"], everyday_words.everyday_file())
        _write(index_dir / names["medicines"], other_medicines.medicines_file(monographs, tables.word_spread))
        sparse.save(index_dir / names["sparse"])
        # The monographs and classes as indexed: an index can keep serving, unchanged, while the corpus is
        # being edited (or is broken) until the next successful build.
        snapshot = Snapshot(monographs=monographs, classes=classes)
        snapshot_json = snapshot.model_dump_json().encode()
        _write(index_dir / names["monographs"], snapshot_json)
        _write(index_dir / names["lexicon"], _lexicon_file(snapshot_json, tables_json))
        manifest = Manifest(
            schema_version=SCHEMA_VERSION, build_id=build_id, model_name=encoder.name,
            model_dim=encoder.dim, model_identity=identity, monographs=files,
            classes_sha256=classes_sha, chunk_count=len(chunks), vector_count=int(index.ntotal),
            faiss_type=type(index).__name__, files=names,
            file_sizes={role: _size(index_dir / n) for role, n in names.items()},
            file_hashes={role: _content_hash(index_dir / n) for role, n in names.items()},
            built_at=datetime.now(UTC).isoformat(timespec="seconds"),
            build_seconds=round(time.perf_counter() - started, 2), embedded=embedded, onnx_sha256=onnx_sha256,
            brands_sha256=_sha256(other_medicines.BRANDS_ABROAD),
            unit_count=len(unit_vectors), units_embedded=units_embedded,
        )
        previous = _files_of_current(index_dir)
        tmp = index_dir / f".{MANIFEST}.{build_id}.tmp"
        _write(tmp, manifest.model_dump_json(indent=2).encode())
        os.replace(tmp, index_dir / MANIFEST)  # the single atomic step that switches builds
        # The previous build stays on disk one more build: a reader that opened its manifest can finish.
        _remove_unreferenced(index_dir, set(names.values()) | previous)
        return manifest


def _lexicon_file(snapshot_json: bytes, tables_json: bytes) -> bytes:
    """The drug lexicon as the engine will read it (from the monographs, classes and tables as written), after the
    fingerprint of the code that made it: load_index restores it only for the same code."""
    from clincalc_search.drugs import code_fingerprint

    snapshot = Snapshot.model_validate_json(snapshot_json)
    tables = CorpusTables.model_validate_json(tables_json)
    lexicon = corpus_tables.make_lexicon(snapshot.monographs, snapshot.classes, tables)
    return code_fingerprint().encode("ascii") + b"\n" + lexicon.state()


def _files_of_current(index_dir: Path) -> set[str]:
    try:
        return set(read_manifest(index_dir).files.values())
    except IndexError_:
        return set()


def _size(path: Path) -> int:
    if path.is_dir():
        return sum(f.stat().st_size for f in path.iterdir())
    return path.stat().st_size


def _remove_unreferenced(index_dir: Path, keep: set[str]) -> None:
    """Files of earlier or interrupted builds; the lock is held, so no build is writing them."""
    for path in index_dir.iterdir():
        stale_data = path.name.startswith(_DATA_PREFIXES) and path.name not in keep
        if stale_data or (path.name.startswith(f".{MANIFEST}") and path.suffix == ".tmp"):
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)


@dataclass
class LoadedIndex:
    manifest: Manifest
    chunks: list[Chunk]
    faiss_index: faiss.Index | None  # None for an exact index: DenseIndex scores its vectors directly
    owners: np.ndarray  # vector row → chunk id
    vectors: np.ndarray  # memory-mapped copy of the indexed vectors (a plain view, see _mapped)
    sparse: SparseIndex
    monographs: list[Monograph]  # as indexed, not as the corpus folder holds them now
    classes: list[DrugClass]
    stale: list[str]  # why the corpus no longer matches (only when a stale corpus was allowed)
    unit_spans: np.ndarray  # rows of (chunk id, start, end): the sentences and bullets, in chunk order
    unit_vectors: np.ndarray  # memory-mapped (a plain view), one row per unit
    unit_stems: list[list[str]]
    tables: CorpusTables  # word spread, coined terms, specific stems, name stems (see corpus_tables)
    # Read when a question first needs them, so held open from the load: later builds may remove them from disk.
    everyday: PinnedFile  # the other languages' everyday words
    medicines: PinnedFile  # names of medicines the corpus lacks (other_medicines)
    # DrugLexicon.state() as built, when the code that built it is this code (else None: the engine makes it anew)
    lexicon_state: bytes | None = None


def read_manifest(index_dir: Path) -> Manifest:
    path = index_dir / MANIFEST
    if not path.exists():
        raise IndexMissing(f"no index at {index_dir}: run clincalc-search build")
    try:
        raw = json.loads(path.read_bytes())
        # An index from another schema is stale, not corrupt: say so before validating its fields.
        version = raw.get("schema_version") if isinstance(raw, dict) else None
        if version != SCHEMA_VERSION:
            raise IndexStale(f"index schema {version} is not {SCHEMA_VERSION}: run clincalc-search build")
        return Manifest.model_validate(raw)
    except (ValueError, OSError, RecursionError) as exc:  # RecursionError: JSON nested thousands deep
        raise IndexCorrupt(f"index manifest is unreadable ({exc.__class__.__name__}): "
                           "run clincalc-search build") from exc


def stale_message(reasons: list[str]) -> str:
    return f"index is stale: run clincalc-search build ({'; '.join(reasons)})"


def load_index(index_dir: Path, corpus_dir: Path, encoder: Encoder, allow_stale_corpus: bool = False
               ) -> LoadedIndex:
    """Load and check the index; raise a subclass of IndexError_ whose message says what to run.
    With allow_stale_corpus, an index whose corpus has changed since the build still loads (it serves the
    monographs as indexed); a changed model never does, because its vectors would not match questions.
    An exact index is scored from its vectors alone, so FAISS is read (and imported) only for an approximate one."""
    from clincalc_search.drugs import code_fingerprint

    manifest = read_manifest(index_dir)
    reasons = staleness(manifest, corpus_dir, encoder)
    if reasons and (model_changed(manifest, encoder) or not allow_stale_corpus):
        raise IndexStale(stale_message(reasons))
    for role, name in manifest.files.items():
        path = index_dir / name
        if not path.exists() or _size(path) != manifest.file_sizes.get(role):
            raise IndexCorrupt(f"index file {name} is missing or damaged: run clincalc-search build")
        expected = manifest.file_hashes.get(role)
        if expected != "size-only" and _content_hash(path) != expected:
            raise IndexCorrupt(f"index file {name} does not match its manifest: run clincalc-search build")
    try:
        exact = manifest.faiss_type.startswith("IndexFlat")
        index = None if exact else _read_faiss(index_dir / manifest.files["faiss"])
        lines = (index_dir / manifest.files["chunks"]).read_text(encoding="utf-8").splitlines()
        chunks = [Chunk.model_validate_json(line) for line in lines]
        owners = np.load(index_dir / manifest.files["owners"])
        vectors = _mapped(index_dir / manifest.files["vectors"])
        sparse = SparseIndex.load(index_dir / manifest.files["sparse"], len(chunks))
        snapshot = Snapshot.model_validate_json((index_dir / manifest.files["monographs"]).read_bytes())
        units = json.loads((index_dir / manifest.files["units"]).read_bytes())
        unit_spans = np.asarray(units["spans"], dtype=np.int64).reshape(-1, 3)
        unit_stems = [list(s) for s in units["stems"]]
        unit_vectors = _mapped(index_dir / manifest.files["unit_vectors"])
        tables = CorpusTables.model_validate_json((index_dir / manifest.files["tables"]).read_bytes())
        everyday = PinnedFile(index_dir / manifest.files["everyday"])
        medicines = PinnedFile(index_dir / manifest.files["medicines"])
        fingerprint, _, lexicon_state = (index_dir / manifest.files["lexicon"]).read_bytes().partition(b"\n")
    except (RuntimeError, ValueError, OSError, KeyError, TypeError) as exc:
        raise IndexCorrupt(f"index is damaged ({exc.__class__.__name__}): run clincalc-search build") from exc
    ntotal, dim = (len(vectors), vectors.shape[-1]) if index is None else (index.ntotal, index.d)
    if (len(chunks) != manifest.chunk_count or ntotal != manifest.vector_count
            or len(owners) != ntotal or len(vectors) != ntotal or dim != manifest.model_dim):
        raise IndexCorrupt("index files do not match their manifest: run clincalc-search build")
    if not _units_fit(unit_spans, unit_vectors, unit_stems, chunks, manifest):
        raise IndexCorrupt("index units do not match their sections: run clincalc-search build")
    if tables.section_count != len(chunks) or set(tables.name_stems) != {m.name for m in snapshot.monographs} \
            or max((max(ids, default=-1) for ids in tables.stem_sections.values()), default=-1) >= len(chunks):
        raise IndexCorrupt("index tables do not match their sections: run clincalc-search build")
    if index is not None:
        tune_for_search(index)
    return LoadedIndex(manifest=manifest, chunks=chunks, faiss_index=index, owners=owners, vectors=vectors,
                       sparse=sparse, monographs=snapshot.monographs, classes=snapshot.classes, stale=reasons,
                       unit_spans=unit_spans, unit_vectors=unit_vectors, unit_stems=unit_stems, tables=tables,
                       everyday=everyday, medicines=medicines,
                       lexicon_state=lexicon_state if fingerprint == code_fingerprint().encode() else None)


def _mapped(path: Path) -> np.ndarray:
    """The array memory-mapped, as a plain view: slicing a np.memmap per question goes through Python-level
    bookkeeping, a view of the same pages does not."""
    return np.load(path, mmap_mode="r").view(np.ndarray)


def _read_faiss(path: Path) -> faiss.Index:
    import faiss

    return faiss.read_index(str(path))


def _units_fit(spans: np.ndarray, vectors: np.ndarray, stems: list[list[str]], chunks: list[Chunk],
               manifest: Manifest) -> bool:
    """Highlights are offsets into verbatim text: every span must lie inside its chunk, in chunk order."""
    if not (len(spans) == len(vectors) == len(stems) == manifest.unit_count) or vectors.ndim != 2 \
            or vectors.shape[1] != manifest.model_dim:
        return False
    if len(spans) and (np.any(np.diff(spans[:, 0]) < 0) or spans[0, 0] < 0 or spans[-1, 0] >= len(chunks)):
        return False
    lengths = np.array([len(c.text) for c in chunks], dtype=np.int64)
    return bool(np.all((spans[:, 1] >= 0) & (spans[:, 1] < spans[:, 2]) & (spans[:, 2] <= lengths[spans[:, 0]])))

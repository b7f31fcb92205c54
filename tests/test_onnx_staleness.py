"""An index records the ONNX export it was built with; a missing or changed export makes it stale."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clincalc_search.embedding import FakeEncoder
from clincalc_search.index_store import IndexStale, build_index, load_index, read_manifest, staleness
from clincalc_search.settings import load_settings


class ExportedFake(FakeEncoder):
    """The fake encoder with the ONNX encoder's two hooks, so the index logic is tested without weights."""

    def __init__(self) -> None:
        self.problem: str | None = None
        self.exports = 0
        self.checked: list[str | None] = []

    def ensure_exported(self) -> str:
        self.exports += 1
        return "sha-of-export"

    def onnx_problem(self, expected_sha256: str | None) -> str | None:
        self.checked.append(expected_sha256)
        return self.problem


def test_build_exports_and_records_the_onnx_hash() -> None:
    s = load_settings()
    encoder = ExportedFake()
    manifest = build_index(s.corpus_dir, s.index_dir, encoder, progress=False)
    assert encoder.exports == 1
    assert manifest.onnx_sha256 == "sha-of-export" == read_manifest(s.index_dir).onnx_sha256
    load_index(s.index_dir, s.corpus_dir, encoder)
    assert encoder.checked and set(encoder.checked) == {"sha-of-export"}


@pytest.mark.parametrize("allow_stale_corpus", [False, True])
def test_missing_or_changed_export_is_stale_even_when_a_stale_corpus_is_allowed(allow_stale_corpus: bool) -> None:
    s = load_settings()
    encoder = ExportedFake()
    build_index(s.corpus_dir, s.index_dir, encoder, progress=False)
    encoder.problem = "ONNX model missing at /somewhere/model.onnx"
    with pytest.raises(IndexStale, match="run clincalc-search build.*ONNX model missing at /somewhere"):
        load_index(s.index_dir, s.corpus_dir, encoder, allow_stale_corpus=allow_stale_corpus)
    assert staleness(read_manifest(s.index_dir), s.corpus_dir, encoder) == [encoder.problem]


def test_manifest_from_before_onnx_still_loads() -> None:
    s = load_settings()
    build_index(s.corpus_dir, s.index_dir, FakeEncoder(), progress=False)
    path = s.index_dir / "manifest.json"
    raw = json.loads(path.read_text())
    assert raw.pop("onnx_sha256") is None
    path.write_text(json.dumps(raw))
    assert read_manifest(s.index_dir).onnx_sha256 is None
    loaded = load_index(s.index_dir, s.corpus_dir, FakeEncoder())
    assert loaded.manifest.onnx_sha256 is None


def test_model_dir_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from clincalc_search.embedding import make_encoder
    from clincalc_search.onnx_encoder import OnnxEncoder

    monkeypatch.setenv("CLINCALC_MODEL_DIR", str(tmp_path / "m"))
    assert load_settings().model_dir == tmp_path / "m"
    encoder = make_encoder("minilm")
    assert isinstance(encoder, OnnxEncoder) and encoder.onnx_path == tmp_path / "m" / "model.onnx"
    assert encoder.onnx_problem(None) == f"ONNX model missing at {tmp_path / 'm' / 'model.onnx'}"
    with pytest.raises(RuntimeError, match="ONNX model missing"):
        encoder.encode(["warfarin"])


def test_a_build_exports_only_when_the_export_is_missing_foreign_or_altered(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import hashlib

    from clincalc_search import onnx_encoder as oe

    exports: list[Path] = []

    def fake_export(target: Path) -> Path:  # the record a real export writes, without torch
        exports.append(target)
        target.mkdir(parents=True, exist_ok=True)
        path = target / oe.ONNX_FILE
        path.write_bytes(b"graph")
        oe._write_record(target, {"model_identity": oe.OnnxEncoder(target).identity(),
                                  "sha256": oe._file_sha256(path), "stat": oe._stat_key(path)})
        return path

    monkeypatch.setattr(oe, "export_onnx", fake_export)
    encoder = oe.OnnxEncoder(tmp_path / "m")
    assert encoder.ensure_exported() == hashlib.sha256(b"graph").hexdigest() and len(exports) == 1
    encoder.ensure_exported()
    assert len(exports) == 1  # current: kept
    (tmp_path / "m" / oe.ONNX_FILE).write_bytes(b"grapH")
    assert "not the file that was exported" in str(encoder.onnx_problem(None))
    encoder.ensure_exported()
    assert len(exports) == 2
    record = json.loads((tmp_path / "m" / oe.EXPORT_RECORD).read_text())
    (tmp_path / "m" / oe.EXPORT_RECORD).write_text(json.dumps({**record, "model_identity": "another"}))
    assert "exported from another model" in str(encoder.onnx_problem(None))
    encoder.ensure_exported()
    assert len(exports) == 3
    (tmp_path / "m" / oe.ONNX_FILE).unlink()
    encoder.ensure_exported()
    assert len(exports) == 4 and encoder.onnx_problem(None) is None

"""all-MiniLM-L6-v2 on ONNX Runtime and `tokenizers`: the query path, without torch or sentence-transformers."""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import json
import os
import threading
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from clincalc_search.embedding import DIMENSION, MODEL_NAME, MiniLMEncoder

if TYPE_CHECKING:
    import onnxruntime
    from tokenizers import Tokenizer

ONNX_FILE = "model.onnx"
# Written after the ONNX file: which model it came from, and its hash with the stat it was taken at, so a
# load need not hash ~90 MB to know the file is the one exported (a changed size or mtime forces a rehash).
EXPORT_RECORD = "export.json"
OPSET = 17
BATCH_SIZE = 32  # as sentence-transformers encodes a build
PRELOAD_EXIT_WAIT_S = 60.0  # the longest an exit waits for a session still loading
# Loaded sessions (with the options each run is given) and tokenizers by ONNX file, shared by every encoder in
# the process: the CLI starts loading before the engine's modules are imported, and the engine's encoder then finds
# it loaded.
_LOADED: dict[Path, tuple[onnxruntime.InferenceSession, onnxruntime.RunOptions, Tokenizer]] = {}
_LOADING = threading.Lock()  # loading only: InferenceSession.run is thread-safe


def _file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _stat_key(path: Path) -> list[int]:
    st = path.stat()
    return [st.st_size, st.st_mtime_ns]


def export_onnx(target_dir: Path) -> Path:
    """Export the packaged transformer to ONNX (legacy TorchScript exporter, dynamic batch and sequence).
    Needs torch: run once, at the first build or by `clincalc-search export-model`. Pooling and
    normalisation stay in numpy, so the graph is the plain BERT encoder."""
    import torch
    from transformers import AutoModel
    from transformers.utils import logging as transformers_logging

    from clincalc_search.settings import offline_environment

    offline_environment()
    transformers_logging.disable_progress_bar()  # no "Loading weights" bar in a build's output
    source = MiniLMEncoder.model_dir()
    bert = AutoModel.from_pretrained(source, local_files_only=True, attn_implementation="eager").eval()

    class Encoder(torch.nn.Module):
        """Positional inputs, one output: the forward signature of BertModel changes between versions."""

        def __init__(self) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            return self.bert(input_ids=input_ids, attention_mask=attention_mask,
                             token_type_ids=token_type_ids).last_hidden_state

    target_dir.mkdir(parents=True, exist_ok=True)
    tmp = target_dir / f".{ONNX_FILE}.{os.getpid()}.tmp"
    dummy = torch.ones((2, 8), dtype=torch.long)
    axes = {0: "batch", 1: "sequence"}
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # tracer notes about shapes; parity is checked by tests instead
        torch.onnx.export(
            Encoder().eval(), (dummy, dummy, torch.zeros_like(dummy)), str(tmp),
            input_names=["input_ids", "attention_mask", "token_type_ids"], output_names=["last_hidden_state"],
            dynamic_axes={"input_ids": axes, "attention_mask": axes, "token_type_ids": axes,
                          "last_hidden_state": axes},
            opset_version=OPSET, do_constant_folding=True, dynamo=False,
        )
    path = target_dir / ONNX_FILE
    with _LOADING:
        _LOADED.pop(path, None)
        os.replace(tmp, path)
    record = {"model_name": MODEL_NAME, "model_identity": MiniLMEncoder().identity(), "opset": OPSET,
              "torch": torch.__version__, "sha256": _file_sha256(path), "stat": _stat_key(path)}
    _write_record(target_dir, record)
    return path


def _write_record(target_dir: Path, record: dict[str, Any]) -> None:
    tmp = target_dir / f".{EXPORT_RECORD}.{os.getpid()}.{threading.get_ident()}.tmp"
    tmp.write_text(json.dumps(record, indent=2), encoding="utf-8")
    os.replace(tmp, target_dir / EXPORT_RECORD)  # a reader sees the old record or the new, never half


class OnnxEncoder:
    """The same model, tokenisation (truncation included), mean pooling and normalisation as
    `MiniLMEncoder`, run by ONNX Runtime from a file exported once into `model_dir`. Its identity is the
    packaged model's, so one index serves both encoders."""

    name = MODEL_NAME
    dim = DIMENSION

    def __init__(self, model_dir: Path) -> None:
        self.model_dir = Path(model_dir)

    @property
    def onnx_path(self) -> Path:
        return self.model_dir / ONNX_FILE

    def identity(self) -> str:
        return MiniLMEncoder().identity()

    def _record(self) -> dict[str, Any] | None:
        try:
            return json.loads((self.model_dir / EXPORT_RECORD).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def onnx_sha256(self) -> str:
        """Hash of the exported file ("" when there is none); taken from the export record while the
        file's size and mtime are those recorded."""
        if not self.onnx_path.is_file():
            return ""
        record = self._record()
        if record and record.get("stat") == _stat_key(self.onnx_path):
            return str(record.get("sha256", ""))
        sha = _file_sha256(self.onnx_path)
        if record and sha == record.get("sha256"):  # copied or touched, same content: hash once, not every load
            with contextlib.suppress(OSError):
                _write_record(self.model_dir, {**record, "stat": _stat_key(self.onnx_path)})
        return sha

    def onnx_problem(self, expected_sha256: str | None) -> str | None:
        """Why this encoder cannot answer for an index whose manifest recorded `expected_sha256`
        (None: built before ONNX, or by another encoder; any export of the same model then serves)."""
        sha = self.onnx_sha256()
        if not sha:
            return f"ONNX model missing at {self.onnx_path}"
        record = self._record() or {}
        if record.get("model_identity") != self.identity():
            return f"ONNX model at {self.onnx_path} was exported from another model"
        if expected_sha256 is not None and sha != expected_sha256:
            return f"ONNX model at {self.onnx_path} changed since the index was built"
        if sha != record.get("sha256"):
            return f"ONNX model at {self.onnx_path} is not the file that was exported (its hash differs)"
        return None

    def ensure_exported(self) -> str:
        """Export unless a current export is there; returns the ONNX file's sha256 (for the manifest)."""
        if self.onnx_problem(None) is not None:
            export_onnx(self.model_dir)
        return self.onnx_sha256()

    def preload(self) -> None:
        """Start loading the session and tokenizer in a background thread: ONNX Runtime releases the GIL
        while it builds the session, so a cold start overlaps it with loading the index. `encode` waits for
        it through the lock; a failure here is left for `encode` (or the staleness check) to report."""
        if self.onnx_path not in _LOADED:
            thread = threading.Thread(target=self._load_quietly, name="onnx-preload", daemon=True)
            thread.start()
            # A process that answers without encoding ("ask '   '") can reach its exit while ONNX Runtime is still
            # building the session's thread pool on this thread; finalising then aborted it (exit code 134,
            # "terminate called without an active exception"), 2 runs in 5. Exit waits for the load instead, with a
            # bound so that a load that never returns cannot hold the process.
            atexit.register(thread.join, PRELOAD_EXIT_WAIT_S)

    def _load_quietly(self) -> None:
        # A failure is reported where it can be: by encode, or as a stale index.
        with contextlib.suppress(Exception):
            self._load()

    def _load(self) -> tuple[onnxruntime.InferenceSession, onnxruntime.RunOptions, Tokenizer]:
        with _LOADING:
            if self.onnx_path not in _LOADED:
                import onnxruntime
                from tokenizers import Tokenizer

                if not self.onnx_path.is_file():
                    raise RuntimeError(f"ONNX model missing at {self.onnx_path}: run clincalc-search build")
                source = Path(MiniLMEncoder.model_dir())
                config = json.loads((source / "sentence_bert_config.json").read_text(encoding="utf-8"))
                tokenizer = Tokenizer.from_file(str(source / "tokenizer.json"))
                # sentence-transformers truncates at max_seq_length, not at the tokenizer file's 128.
                tokenizer.enable_truncation(max_length=int(config["max_seq_length"]))
                tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # to the longest in the batch
                options = onnxruntime.SessionOptions()
                options.log_severity_level = 3
                session = onnxruntime.InferenceSession(
                    str(self.onnx_path), options, providers=["CPUExecutionProvider"])
                run_options = onnxruntime.RunOptions()
                # Once a run ends, ONNX Runtime's worker thread spins for 40-50 ms waiting for more work. A question
                # has its reading still to do after the encode, and it ran about 0.2 ms slower beside that spinning
                # thread (docs/PERFORMANCE.md, twenty-ninth session); the encode itself is no slower without it.
                run_options.add_run_config_entry("session.force_spinning_stop", "1")
                _LOADED[self.onnx_path] = (session, run_options, tokenizer)
            return _LOADED[self.onnx_path]

    def encode(self, texts: list[str], show_progress: bool = False) -> np.ndarray:
        session, run_options, tokenizer = self._load()
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        # Longest first in batches, as sentence-transformers does: less padding per batch.
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        for start in range(0, len(order), BATCH_SIZE):
            rows = order[start:start + BATCH_SIZE]
            encodings = tokenizer.encode_batch([texts[i].strip() for i in rows])
            ids = np.array([e.ids for e in encodings], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
            types = np.array([e.type_ids for e in encodings], dtype=np.int64)
            (hidden,) = session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": types},
                                    run_options)
            weights = mask[:, :, None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            out[rows] = pooled / np.clip(norms, 1e-12, None)
        return out

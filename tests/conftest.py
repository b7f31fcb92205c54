"""Every test runs against a temporary index; unit tests use the fixture corpus and the fake encoder."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from clincalc_search.embedding import make_encoder
from clincalc_search.engine import Engine
from clincalc_search.index_store import build_index
from clincalc_search.settings import load_settings

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")
FIXTURE_CORPUS = Path(__file__).parent / "fixtures" / "corpus"
REAL_CORPUS = ROOT / "corpus"


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CLINCALC_CORPUS_DIR", str(FIXTURE_CORPUS))
    monkeypatch.setenv("CLINCALC_INDEX_DIR", str(tmp_path / "index"))
    monkeypatch.setenv("CLINCALC_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CLINCALC_ENCODER", "fake")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


@pytest.fixture(autouse=True, scope="session")
def _patterns_kept_apart(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Compiled patterns go to a file of the session's own: a test's patterns never reach the package's file."""
    from clincalc_search import compiled_patterns

    real = compiled_patterns.CODE_FILE
    compiled_patterns.CODE_FILE = tmp_path_factory.mktemp("patterns") / real.name
    compiled_patterns._stored.cache_clear()
    yield
    compiled_patterns.CODE_FILE = real
    compiled_patterns._stored.cache_clear()


@pytest.fixture
def corpus_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A writable copy of the fixture corpus, for tests that break it."""
    target = tmp_path / "corpus"
    shutil.copytree(FIXTURE_CORPUS, target)
    monkeypatch.setenv("CLINCALC_CORPUS_DIR", str(target))
    return target


@pytest.fixture
def engine() -> Engine:
    settings = load_settings()
    build_index(settings.corpus_dir, settings.index_dir, make_encoder("fake"), progress=False)
    return Engine.load(settings)


@pytest.fixture(scope="session")
def real_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real corpus embedded with the real model, built once for the whole session."""
    index_dir = tmp_path_factory.mktemp("real-index")
    build_index(REAL_CORPUS, index_dir, make_encoder("minilm"), progress=False)
    return index_dir


@pytest.fixture
def real_env(real_index: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CLINCALC_CORPUS_DIR", str(REAL_CORPUS))
    monkeypatch.setenv("CLINCALC_INDEX_DIR", str(real_index))
    monkeypatch.setenv("CLINCALC_ENCODER", "minilm")
    return real_index


@pytest.fixture(scope="session")
def real_engine(real_index: Path) -> Engine:
    from clincalc_search.settings import Settings

    return Engine.load(Settings(corpus_dir=REAL_CORPUS, index_dir=real_index, encoder="minilm"))


@pytest.fixture
def app():  # type: ignore[no-untyped-def]
    """The Streamlit app over an index freshly built from the fixture corpus with the fake encoder (AppTest;
    streamlit is imported only by the tests that ask for it)."""
    from streamlit.testing.v1 import AppTest

    settings = load_settings()
    build_index(settings.corpus_dir, settings.index_dir, make_encoder("fake"), progress=False)
    return AppTest.from_file(APP, default_timeout=30)

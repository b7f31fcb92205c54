"""The engine preloaded while the app's server starts (serve.py), and handed to the first page run."""

from __future__ import annotations

import asyncio
import importlib.util
import logging
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from clincalc_search import preload
from clincalc_search.embedding import make_encoder
from clincalc_search.engine import Engine
from clincalc_search.index_store import build_index, read_manifest
from clincalc_search.settings import Settings, load_settings

from .conftest import ROOT


@pytest.fixture(autouse=True)
def _fresh_preload(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(preload, "_thread", None)
    monkeypatch.setattr(preload, "_loaded", {})


def _built() -> tuple[Settings, str]:
    settings = load_settings()
    build_index(settings.corpus_dir, settings.index_dir, make_encoder("fake"), progress=False)
    return settings, read_manifest(settings.index_dir).build_id


def test_nothing_preloaded_means_the_page_loads_the_engine_itself() -> None:
    settings, build = _built()
    assert preload.take(settings.model_dump_json(), build) is None


def test_the_preloaded_engine_is_handed_over_once_for_its_settings_and_build() -> None:
    settings, build = _built()
    preload.start()
    preload.start()  # a second start (another lifespan) loads nothing more
    engine = preload.take(settings.model_dump_json(), build)
    assert isinstance(engine, Engine)
    assert engine.ask("what should I monitor on Besponsa?").hits[0].section == "monitoring"
    assert preload.take(settings.model_dump_json(), build) is None


def test_an_engine_preloaded_for_another_build_is_dropped() -> None:
    settings, build = _built()
    preload.start()
    assert preload.take(settings.model_dump_json(), "an-older-build") is None
    assert preload.take(settings.model_dump_json(), build) is None


def test_a_failed_preload_is_logged_and_left_to_the_page(caplog: pytest.LogCaptureFixture) -> None:
    settings = load_settings()  # no index built: loading fails
    with caplog.at_level(logging.ERROR, logger="clincalc_search.preload"):
        preload.start()
        assert preload.take(settings.model_dump_json(), "") is None
    assert "preloading the engine failed" in caplog.text


def _serve_module() -> Any:
    spec = importlib.util.spec_from_file_location("serve_under_test", ROOT / "serve.py")
    assert spec is not None and spec.loader is not None
    serve = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(serve)
    return serve


def test_serve_py_is_the_app_with_a_lifespan_that_starts_the_preload(monkeypatch: pytest.MonkeyPatch) -> None:
    from streamlit.web.server.app_discovery import discover_asgi_app

    found = discover_asgi_app(ROOT / "serve.py")
    assert found.is_asgi_app and found.app_name == "app"  # `streamlit run serve.py` serves it with uvicorn
    serve: Any = _serve_module()
    assert Path(serve.app._script_path).name == "app.py"
    started: list[object] = []
    monkeypatch.setattr(preload, "start", lambda first=None: started.append(first))

    async def enter() -> None:
        async with serve.lifespan(serve.app):
            assert started == [serve.first_page_costs]

    asyncio.run(enter())


def test_the_first_page_costs_run_on_the_preload_thread_before_the_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    settings, build = _built()
    order: list[str] = []
    real_load = Engine.load

    def load(*args: object, **kwargs: object) -> Engine:
        order.append("engine")
        return real_load(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Engine, "load", load)
    threads: list[str] = []
    preload.start(first=lambda: (order.append("first"), threads.append(threading.current_thread().name)))
    assert preload.take(settings.model_dump_json(), build) is not None
    assert order == ["first", "engine"]
    assert threads == ["clincalc-preload"]  # not the server's event loop, which would start later by as much


def test_a_failing_first_step_still_preloads_the_engine() -> None:
    settings, build = _built()

    def fails() -> None:
        raise RuntimeError("a Streamlit without the private check")

    preload.start(first=fails)
    assert preload.take(settings.model_dump_json(), build) is not None


def test_the_first_page_costs_are_the_ones_streamlit_would_pay(monkeypatch: pytest.MonkeyPatch) -> None:
    from streamlit import delta_generator

    monkeypatch.delitem(sys.modules, "streamlit.emojis", raising=False)
    if not hasattr(delta_generator, "_use_warning_has_been_displayed"):
        pytest.skip("this Streamlit has no once-per-process REPL check: first_page_costs saves the emoji import only")
    monkeypatch.setattr(delta_generator, "_use_warning_has_been_displayed", False)
    _serve_module().first_page_costs()
    assert "streamlit.emojis" in sys.modules
    assert delta_generator._use_warning_has_been_displayed  # the first element will not check again

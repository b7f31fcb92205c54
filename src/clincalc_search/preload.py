"""The engine loaded while the app's server starts, so the first visitor does not wait for it.

`serve.py` starts `start()` from the server's lifespan hook; the page's engine cache asks `take()` first and
loads the engine itself only when nothing matching was preloaded (another settings or build, or a failure)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from clincalc_search.engine import Engine

log = logging.getLogger(__name__)
# Asked once while preloading: the first question pays one-off costs (ONNX Runtime's first run, lazily built
# tables) that the first visitor would otherwise wait for.
WARM_QUESTION = "what should I monitor on warfarin?"

_lock = threading.Lock()
_thread: threading.Thread | None = None
_loaded: dict[tuple[str, str], Engine] = {}


def start(first: Callable[[], None] | None = None) -> None:
    """Load the engine for the current settings and build on a background thread (once per process); `first`, when
    given, runs on that thread before it (the page's own one-off costs, which the page meets before the engine)."""
    global _thread
    with _lock:
        if _thread is None:
            _thread = threading.Thread(target=_load, args=(first,), name="clincalc-preload", daemon=True)
            _thread.start()


def _load(first: Callable[[], None] | None = None) -> None:
    if first is not None:
        try:
            first()
        except Exception:  # only ever a saving: the page pays it itself otherwise
            log.debug("the preload's first step failed", exc_info=True)
    try:
        from clincalc_search.engine import Engine
        from clincalc_search.index_store import read_manifest
        from clincalc_search.settings import load_settings

        settings = load_settings()
        key = (settings.model_dump_json(), read_manifest(settings.index_dir).build_id)
        engine = Engine.load(settings, allow_stale_corpus=True)
        engine.ask(WARM_QUESTION)
        _loaded[key] = engine
    except Exception:  # the page loads the engine itself and shows the error where a user sees it
        log.exception("preloading the engine failed")


def take(settings_json: str, build_id: str) -> Engine | None:
    """The preloaded engine for these settings and build (waiting for a load in progress), handed over once.
    One preloaded for other settings or an older build is dropped: nothing would ever ask for it."""
    thread = _thread
    if thread is not None:
        thread.join()
    engine = _loaded.pop((settings_json, build_id), None)
    _loaded.clear()
    return engine

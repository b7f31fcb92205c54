"""What `make run` serves: the Streamlit app in app.py, with its engine loaded while the server starts."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import streamlit as st

from clincalc_search import preload


def first_page_costs() -> None:
    """What Streamlit pays once per process, on the first page it renders, paid while the server starts instead of
    by the first visitor (about 0.1 s of the first answer, docs/PERFORMANCE.md): the emoji table the page icon is
    looked up in (45 ms to import), and the check made with the first element that Streamlit is not run from a REPL,
    whose inspect.stack() reads the source path of every loaded module (30-50 ms with the engine loaded). The check is
    private to Streamlit; a version without it is left to pay whatever it pays."""
    import streamlit.emojis  # noqa: F401
    from streamlit import delta_generator

    check = getattr(delta_generator, "_maybe_print_use_warning", None)
    if callable(check):
        check()  # in the server it warns of nothing (a runtime exists), and it runs once per process


@asynccontextmanager
async def lifespan(_app: Any) -> AsyncIterator[None]:
    preload.start(first=first_page_costs)  # on a thread: the server answers while the engine loads
    yield


app = st.App("app.py", lifespan=lifespan)

"""What `make run` serves: the Streamlit app in app.py, with its engine loaded while the server starts."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import streamlit as st

from clincalc_search import preload


@asynccontextmanager
async def lifespan(_app: Any) -> AsyncIterator[None]:
    preload.start()  # on a thread: the server answers while the engine loads
    yield


app = st.App("app.py", lifespan=lifespan)

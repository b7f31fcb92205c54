"""Index files the engine reads only when a question first needs them, held open from the moment the index loads."""

from __future__ import annotations

import threading
import weakref
from pathlib import Path


class PinnedFile:
    """A file opened now and read later. A build keeps only the previous build's files on disk, so the second build
    after an engine loaded removes the files that engine has not read yet; the open file keeps their content
    readable (the system frees it only when the last reader closes it), so a long-running app never asks for a file
    that is gone. Reads are whole-file and may come from several threads."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file = path.open("rb")
        self._lock = threading.Lock()
        weakref.finalize(self, self._file.close)

    def read_bytes(self) -> bytes:
        with self._lock:
            self._file.seek(0)
            return self._file.read()

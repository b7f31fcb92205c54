"""Compiled regular expressions kept on disk, as Python keeps compiled modules: a cold `ask` need not compile again
the large dose and intent patterns its question lets through.

`re.compile` parses and compiles a pattern in Python code (3-4 ms for each large one; a cold `ask` compiled 19 of them,
70 ms of its 0.8 s). What it hands to the regex engine is a list of integers, which is kept here, per pattern text, in
a file tagged with the interpreter's version and the engine's code format (`_sre.MAGIC`), in the package's
`__pycache__` beside its bytecode. A pattern made from the file is equal to `re.compile`'s (`re.Pattern` compares its
code): tests/test_compiled_patterns.py checks every product pattern. A missing, stale or unreadable file, or another
interpreter, only means compiling as `re` would; `python -m clincalc_search.compiled_patterns` (run by `make`) and
`ask --jsonl`'s compile ahead of a stream write it."""

from __future__ import annotations

import _sre  # noqa: PLC2701 - the engine's own constructor is the only way to skip the compile
import contextlib
import marshal
import os
import re
import sys
from functools import lru_cache
from pathlib import Path
from re import _compiler as sre_compile  # noqa: PLC2701
from re import _parser as sre_parse  # noqa: PLC2701

# The format of the engine's code changes with the interpreter: the file is read only by the one that wrote it.
_TAG = f"{sys.implementation.cache_tag}-sre{_sre.MAGIC}"
CODE_FILE = Path(__file__).parent / "__pycache__" / f"patterns.{_TAG}.marshal"

Compiled = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]


def compiled_form(pattern: str) -> Compiled:
    """What re.compile hands to the engine for a pattern without flags (as `re._compiler.compile` makes it)."""
    tree = sre_parse.parse(pattern, 0)
    code = sre_compile._code(tree, 0)
    names = dict(tree.state.groupdict)
    index: list[str | None] = [None] * tree.state.groups
    for name, number in names.items():
        index[number] = name
    # Opcodes are int subclasses that marshal cannot store: plain ints are the same to the engine.
    return int(tree.state.flags), [int(c) for c in code], tree.state.groups - 1, names, tuple(index)


@lru_cache(maxsize=1)
def _stored() -> dict[str, Compiled]:
    try:
        stored = marshal.loads(CODE_FILE.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    return stored if isinstance(stored, dict) else {}


def compile_pattern(pattern: str) -> re.Pattern[str]:
    """re.compile(pattern), from the stored code when the file holds this pattern."""
    form = _stored().get(pattern)
    if form is not None:
        with contextlib.suppress(Exception):  # the engine rejects code it cannot run: compile instead
            return _sre.compile(pattern, *form)  # type: ignore[no-any-return]
    return re.compile(pattern)


def store(patterns: list[str]) -> bool:
    """Unless the file holds every one of these patterns, make it hold exactly these (stored forms are reused, and
    patterns no longer made drop out); True when it was written. A file that cannot be written is left: the patterns
    compile as before."""
    stored = _stored()
    if all(p in stored for p in patterns):
        return False
    forms = {p: stored[p] if p in stored else compiled_form(p) for p in patterns}
    tmp = CODE_FILE.with_name(f".{CODE_FILE.name}.{os.getpid()}.tmp")
    try:
        CODE_FILE.parent.mkdir(exist_ok=True)
        tmp.write_bytes(marshal.dumps(forms))
        os.replace(tmp, CODE_FILE)  # a reader sees the old file or the new, never half
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
        return False
    _stored.cache_clear()
    return True


def main() -> None:
    from clincalc_search import dose_guard, intent, regex_gate  # noqa: F401 - importing them makes their patterns

    patterns = [gated.pattern for gated in regex_gate.gated_patterns()]
    written = store(patterns)
    print(f"{'wrote' if written else 'up to date:'} {CODE_FILE} ({len(patterns)} patterns)")


if __name__ == "__main__":
    main()

"""Compiled regular expressions kept on disk, as Python keeps compiled modules: a cold `ask` need not compile again
the large dose and intent patterns its question lets through.

`re.compile` parses and compiles a pattern in Python code (3-4 ms for each large one; a cold `ask` compiled 19 of them,
70 ms of its 0.8 s). What it hands to the regex engine is a list of integers, which is kept here, per pattern text, in
a file tagged with the interpreter's exact version and the engine's code format (`_sre.MAGIC`), in the package's
`__pycache__` beside its bytecode. A pattern made from the file is the one `re.compile` makes
(tests/test_compiled_patterns.py checks every product pattern). The file carries a checksum of its contents: the
engine trusts the code it is given (a changed integer can crash the interpreter), so a file that does not match it is
not read. A missing, stale, damaged or unreadable file, or another interpreter, only means compiling as `re` would.
`make` writes the file (`python -m clincalc_search.compiled_patterns`); so does `ask --jsonl`'s compile ahead of a
stream, unless bytecode is not to be written (PYTHONDONTWRITEBYTECODE)."""

from __future__ import annotations

import _sre  # noqa: PLC2701 - the engine's own constructor is the only way to skip the compile
import contextlib
import hashlib
import marshal
import os
import re
import sys
from functools import lru_cache
from pathlib import Path
from re import _compiler as sre_compile  # noqa: PLC2701
from re import _parser as sre_parse  # noqa: PLC2701

# The compiler can change in any release, and the engine's code format with it: a file is read only by the
# interpreter that wrote it.
_TAG = f"{sys.implementation.cache_tag}-{sys.hexversion:x}-sre{_sre.MAGIC}"
CODE_FILE = Path(__file__).parent / "__pycache__" / f"patterns.{_TAG}.marshal"
_DIGEST = 32  # bytes of blake2b before the marshalled forms

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


def file_bytes(forms: dict[str, Compiled]) -> bytes:
    """The file's contents for these forms: their checksum, then the forms marshalled (what _stored reads back)."""
    body = marshal.dumps(forms)
    return hashlib.blake2b(body, digest_size=_DIGEST).digest() + body


@lru_cache(maxsize=1)
def _stored() -> dict[str, Compiled]:
    try:
        data = CODE_FILE.read_bytes()
        digest, body = data[:_DIGEST], data[_DIGEST:]
        if hashlib.blake2b(body, digest_size=_DIGEST).digest() != digest:
            return {}
        stored = marshal.loads(body)
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    return stored if isinstance(stored, dict) else {}


def compile_pattern(pattern: str) -> re.Pattern[str]:
    """re.compile(pattern), from the stored code when the file holds this pattern."""
    form = _stored().get(pattern)
    if form is not None:
        with contextlib.suppress(Exception):  # a form the engine refuses (its own checks): compile instead
            return _sre.compile(pattern, *form)  # type: ignore[no-any-return]
    return re.compile(pattern)


def store(patterns: list[str]) -> bool:
    """Make the file hold the compiled forms of exactly these patterns (stored forms are reused), unless it does; True
    when it was written. A file that cannot be written, or a compiler this module does not know, leaves the patterns
    compiling as before."""
    stored = _stored()
    if set(patterns) == set(stored):
        return False
    tmp = CODE_FILE.with_name(f".{CODE_FILE.name}.{os.getpid()}.tmp")
    try:
        data = file_bytes({p: stored[p] if p in stored else compiled_form(p) for p in patterns})
        CODE_FILE.parent.mkdir(exist_ok=True)
        tmp.write_bytes(data)
        os.replace(tmp, CODE_FILE)  # a reader sees the old file or the new, never half
    except Exception:
        with contextlib.suppress(OSError):
            tmp.unlink()
        return False
    _stored.cache_clear()
    return True


def main() -> None:
    from clincalc_search import dose_guard, intent, regex_gate  # noqa: F401 - importing them makes their patterns

    patterns = [gated.pattern for gated in regex_gate.gated_patterns()]
    if store(patterns):
        print(f"wrote {CODE_FILE} ({len(patterns)} patterns)")
    elif set(patterns) == set(_stored()):
        print(f"up to date: {CODE_FILE} ({len(patterns)} patterns)")
    else:
        print(f"could not write {CODE_FILE}: the patterns will be compiled by each process", file=sys.stderr)


if __name__ == "__main__":
    main()

"""Patterns made from the stored compiled code are the patterns re.compile makes."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from clincalc_search import compiled_patterns, dose_guard, intent, regex_gate  # noqa: F401 - they make the patterns
from clincalc_search.compiled_patterns import compile_pattern, store
from clincalc_search.regex_gate import gated_patterns

# Groups, names and a back-reference: what the engine is told besides the code (its equality compares only the code).
NAMED = r"(?P<first>\bdose\b)|(?P<second>mg)(\d+)(?:x)?(?P=second)"


@pytest.fixture
def code_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = tmp_path / "__pycache__" / compiled_patterns.CODE_FILE.name
    monkeypatch.setattr(compiled_patterns, "CODE_FILE", path)
    compiled_patterns._stored.cache_clear()
    yield path
    compiled_patterns._stored.cache_clear()


def _read_back(patterns: list[str], monkeypatch: pytest.MonkeyPatch) -> list[re.Pattern[str]]:
    """The patterns as compile_pattern makes them from a file just written, with re.compile out of reach."""
    assert store(patterns)
    compiled_patterns._stored.cache_clear()

    def refuse(*_: object) -> None:
        raise AssertionError("compiled instead of read from the file")

    monkeypatch.setattr(re, "compile", refuse)
    return [compile_pattern(p) for p in patterns]


def test_every_product_pattern_read_from_the_file_is_a_fresh_compile(
        code_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    patterns = [g.pattern for g in gated_patterns()]
    assert len(patterns) > 100
    fresh = [re.compile(p) for p in patterns]
    read = _read_back(patterns, monkeypatch)
    # re.Pattern equality compares the flags, the pattern and the engine's code, item by item.
    assert read == fresh
    assert [(r.groups, r.groupindex) for r in read] == [(f.groups, f.groupindex) for f in fresh]


def test_groups_and_their_names_survive(code_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = re.compile(NAMED)
    (read,) = _read_back([NAMED], monkeypatch)
    assert (read.groups, read.groupindex) == (fresh.groups, fresh.groupindex) == (3, {"first": 1, "second": 2})
    for text in ["a dose", "mg12mg", "mg3xmg"]:
        got, want = read.search(text), fresh.search(text)
        assert got is not None and want is not None
        assert (got.span(), got.groups(), got.lastgroup, got.lastindex) == \
            (want.span(), want.groups(), want.lastgroup, want.lastindex)


def test_store_writes_only_when_the_patterns_change(code_file: Path) -> None:
    assert store([r"\bdose\b", r"\bmg\b"])
    assert not store([r"\bmg\b", r"\bdose\b"])  # held already
    assert store([r"\bdose\b", r"\bmL\b"])
    assert set(compiled_patterns._stored()) == {r"\bdose\b", r"\bmL\b"}  # one no longer made drops out


@pytest.mark.parametrize("content", [b"", b"not marshal data", b"\xe9\x00\x00\x00\x00"])
def test_an_unreadable_file_means_compiling_as_before(code_file: Path, content: bytes) -> None:
    code_file.parent.mkdir()
    code_file.write_bytes(content)
    assert compiled_patterns._stored() == {}
    assert compile_pattern(r"\bdoses?\b") == re.compile(r"\bdoses?\b")


def test_a_changed_byte_means_the_file_is_not_read(code_file: Path) -> None:
    # The engine runs the code it is given unchecked (a wrong jump can crash the interpreter): the checksum guards it.
    assert store([NAMED])
    data = bytearray(code_file.read_bytes())
    for place in (0, 40, len(data) // 2, len(data) - 1):
        damaged = bytearray(data)
        damaged[place] ^= 0x01
        code_file.write_bytes(bytes(damaged))
        compiled_patterns._stored.cache_clear()
        assert compiled_patterns._stored() == {}
    code_file.write_bytes(bytes(data))
    compiled_patterns._stored.cache_clear()
    assert set(compiled_patterns._stored()) == {NAMED}


def test_code_the_engine_refuses_means_compiling_as_before(code_file: Path) -> None:
    flags, _, groups, names, index = compiled_patterns.compiled_form(r"\bdose\b")
    code_file.parent.mkdir()
    code_file.write_bytes(compiled_patterns.file_bytes({r"\bdose\b": (flags, [9999, 1, 2], groups, names, index)}))
    assert r"\bdose\b" in compiled_patterns._stored()  # read, then refused by the engine
    assert compile_pattern(r"\bdose\b") == re.compile(r"\bdose\b")


def test_an_unwritable_place_leaves_the_patterns_compiling(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setattr(compiled_patterns, "CODE_FILE", blocker / "__pycache__" / "patterns.marshal")
    compiled_patterns._stored.cache_clear()
    try:
        assert not store([r"\bdose\b"])
        assert compile_pattern(r"\bdose\b") == re.compile(r"\bdose\b")
    finally:
        compiled_patterns._stored.cache_clear()


def test_a_compiler_this_module_does_not_know_leaves_the_patterns_compiling(
        code_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compiled_patterns.sre_compile, "_code", None)  # as if a later Python renamed it
    assert not store([r"\bdose\b"]) and not code_file.exists()
    assert compile_pattern(r"\bdose\b") == re.compile(r"\bdose\b")


@pytest.mark.parametrize("dont_write", [True, False])
def test_a_stream_writes_the_file_unless_bytecode_is_not_to_be_written(
        code_file: Path, monkeypatch: pytest.MonkeyPatch, dont_write: bool) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", dont_write)
    regex_gate.compile_all()
    assert code_file.exists() is not dont_write

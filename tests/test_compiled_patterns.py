"""Patterns made from the stored compiled code are the patterns re.compile makes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from clincalc_search import compiled_patterns, dose_guard, intent  # noqa: F401 - importing them makes their patterns
from clincalc_search.compiled_patterns import compile_pattern, store
from clincalc_search.regex_gate import gated_patterns


@pytest.fixture
def code_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = tmp_path / "__pycache__" / compiled_patterns.CODE_FILE.name
    monkeypatch.setattr(compiled_patterns, "CODE_FILE", path)
    compiled_patterns._stored.cache_clear()
    yield path
    compiled_patterns._stored.cache_clear()


def _no_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object) -> None:
        raise AssertionError("compiled instead of read from the file")

    monkeypatch.setattr(re, "compile", refuse)


def test_every_product_pattern_read_from_the_file_equals_a_fresh_compile(
        code_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    patterns = [g.pattern for g in gated_patterns()]
    assert len(patterns) > 100
    fresh = [re.compile(p) for p in patterns]
    assert store(patterns) and code_file.is_file()
    compiled_patterns._stored.cache_clear()
    _no_compiling(monkeypatch)
    read = [compile_pattern(p) for p in patterns]
    # re.Pattern equality compares the flags, the pattern and the engine's code, item by item.
    assert read == fresh
    assert [r.groupindex for r in read] == [f.groupindex for f in fresh]
    assert dose_guard.check("what dose of metformin should I take").is_dose  # answers through the patterns read


def test_store_writes_only_when_a_pattern_is_missing_and_drops_the_unused(code_file: Path) -> None:
    assert store([r"\bdose\b", r"\bmg\b"])
    assert not store([r"\bdose\b"])  # held already
    assert store([r"\bdose\b", r"\bmL\b"])
    assert set(compiled_patterns._stored()) == {r"\bdose\b", r"\bmL\b"}


@pytest.mark.parametrize("content", [b"", b"not marshal data", b"\xe9\x00\x00\x00\x00"])
def test_an_unreadable_file_means_compiling_as_before(code_file: Path, content: bytes) -> None:
    code_file.parent.mkdir()
    code_file.write_bytes(content)
    assert compile_pattern(r"\bdoses?\b") == re.compile(r"\bdoses?\b")


def test_code_the_engine_rejects_means_compiling_as_before(code_file: Path) -> None:
    import marshal

    code_file.parent.mkdir()
    flags, _, groups, names, index = compiled_patterns.compiled_form(r"\bdose\b")
    code_file.write_bytes(marshal.dumps({r"\bdose\b": (flags, [9999, 1, 2], groups, names, index)}))
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

"""A cheap first test for the large hand-written patterns: literal strings, one of which every match contains.

The dose guard and the intent table run some seventy patterns of up to 4,000 characters over every question, and
most of them match nothing. Python's `re` tries each one at every position. A gated pattern first asks whether the
question contains any of the strings a match cannot do without (read from the pattern's own parse tree: "how much",
"cost", a digit...), which takes a few substring tests, and runs the pattern only then. The answer is the same:
a gate only ever skips a pattern that could not have matched (tests/test_regex_gate.py checks every pattern on every
labelled question)."""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Callable, Iterator
from functools import lru_cache
from itertools import product
from pathlib import Path
from re import _constants as sre  # noqa: PLC2701 - the parse tree is the only place the pattern's literals are
from re import _parser as sre_parse  # noqa: PLC2701

from clincalc_search.compiled_patterns import compile_pattern, store

# Past this many alternatives, a run of literal pieces stops growing and is judged as it is.
MAX_STRINGS = 96
# A gate keys each required string by its first KEY_CHARS characters (`python -m bench.regex_gates` times the
# patterns bare and gated).
KEY_CHARS = 4
_ZERO_WIDTH = {sre.AT, sre.ASSERT, sre.ASSERT_NOT}
_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT}
_DIGITS = frozenset("0123456789")

Strings = frozenset[str]


def _exact_item(op: object, av: object) -> Strings | None:
    """Every string one parse item matches, when that is a small finite set; None otherwise."""
    if op is sre.LITERAL:
        return frozenset(chr(av))  # type: ignore[arg-type]
    if op in _ZERO_WIDTH:
        return frozenset({""})
    if op is sre.IN:
        chars: set[str] = set()
        for member_op, member in av:  # type: ignore[attr-defined]
            if member_op is sre.LITERAL:
                chars.add(chr(member))
            elif member_op is sre.RANGE and member[1] - member[0] < 10:
                chars.update(chr(c) for c in range(member[0], member[1] + 1))
            elif member_op is sre.CATEGORY and member is sre.CATEGORY_DIGIT:
                chars.update(_DIGITS)
            else:
                return None  # a negated or large class
        return frozenset(chars) if len(chars) <= 10 else None
    if op is sre.BRANCH:
        out = _union(av[1], _exact)  # type: ignore[index]
        return out if out is not None and len(out) <= MAX_STRINGS else None
    if op is sre.SUBPATTERN:
        _, add_flags, del_flags, sub = av  # type: ignore[misc]
        return _exact(sub.data) if not add_flags and not del_flags else None
    if op in _REPEATS:
        low, high, body = av  # type: ignore[misc]
        if (low, high) in {(0, 1), (1, 1)}:
            strings = _exact(body.data)
            if strings is not None:
                return strings | {""} if low == 0 else strings
    return None


def _exact(items: list[tuple[object, object]]) -> Strings | None:
    out: Strings = frozenset({""})
    for op, av in items:
        strings = _exact_item(op, av)
        joined = None if strings is None else _joined(out, strings)
        if joined is None:
            return None
        out = joined
    return out


def _joined(left: Strings, right: Strings) -> Strings | None:
    """Every string of left followed by every string of right; None past MAX_STRINGS of them."""
    if len(left) * len(right) > MAX_STRINGS:
        return None
    return frozenset(a + b for a, b in product(left, right))


def _union(alternatives: list[sre_parse.SubPattern], read: Callable[[list[tuple[object, object]]], Strings | None]
           ) -> Strings | None:
    """What read gives for each alternative of a branch, together; None when it gives None for any."""
    out: set[str] = set()
    for alternative in alternatives:
        strings = read(alternative.data)
        if strings is None:
            return None
        out |= strings
    return frozenset(out)


def _key(strings: Strings) -> tuple[bool, int, int]:
    # Cheap and telling: strings of three or more characters (or digits) are rare enough in a question to be worth
    # testing; then the fewest tests; then the longest shortest string.
    telling = min(map(len, strings)) >= 3 or strings <= _DIGITS
    return telling, -len(strings), min(map(len, strings))


def _better(a: Strings | None, b: Strings | None) -> Strings | None:
    """The better of two requirement sets (by _key)."""
    if a is None or b is None:
        return a if b is None else b
    return a if _key(a) >= _key(b) else b


def _usable(strings: Strings | None) -> Strings | None:
    """The set without strings that hold another of its strings (a text holding "dose of" holds "dose"); None
    when it holds the empty string, which every text contains."""
    if not strings or "" in strings:
        return None
    return frozenset(s for s in strings if not any(t != s and t in s for t in strings))


def _required_item(op: object, av: object) -> Strings | None:
    """Strings one of which every match of the item contains; None when none is found."""
    if op is sre.BRANCH:
        return _usable(_union(av[1], _required))  # type: ignore[index]
    if op is sre.SUBPATTERN:
        _, add_flags, del_flags, sub = av  # type: ignore[misc]
        return _required(sub.data) if not add_flags and not del_flags else None
    if op is sre.ATOMIC_GROUP:
        return _required(av.data)  # type: ignore[attr-defined]
    if op in _REPEATS and av[0] >= 1:  # type: ignore[index]
        return _required(av[2].data)  # type: ignore[index]
    return _usable(_exact_item(op, av))


def _required(items: list[tuple[object, object]]) -> Strings | None:
    """For a sequence: the best of (a) the exact strings of each run of finite-set items, joined, and (b) what each
    other item requires. Every match of the sequence contains a match of each of its items, so any one will do."""
    best: Strings | None = None
    run: Strings = frozenset({""})
    for op, av in items:
        strings = _exact_item(op, av)
        joined = None if strings is None else _joined(run, strings)
        if joined is not None:
            run = joined
            continue
        best = _better(best, _usable(run))
        run = strings if strings is not None else frozenset({""})
        if strings is None:
            best = _better(best, _required_item(op, av))
    return _better(best, _usable(run))


def required_strings(pattern: str) -> Strings | None:
    """Strings at least one of which occurs in every match of the pattern (None: no such set was found)."""
    if re.compile(pattern).flags & (re.IGNORECASE | re.VERBOSE | re.MULTILINE | re.DOTALL):
        return None  # the literals would need the same folding; the patterns gated here use no flags
    return _required(sre_parse.parse(pattern).data)


# Reading the gates from ninety patterns' parse trees takes about 0.2 s, which a cold `ask` would pay: they are
# kept in a file made by tools/make_regex_gates.py, keyed by the pattern's hash. A pattern missing from it (changed
# since) is read afresh, so the file only ever saves time; tests/test_regex_gate.py fails while it is out of date.
GATES_FILE = Path(__file__).parent / "data" / "regex_gates.json"
_GATED: list[GatedPattern] = []  # every gated pattern made in this process, for the tool and the test


def pattern_key(pattern: str) -> str:
    return hashlib.sha256(pattern.encode("utf-8")).hexdigest()[:24]


@lru_cache(maxsize=1)
def _stored() -> dict[str, list[str] | None]:
    try:
        return dict(json.loads(GATES_FILE.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return {}


def gate_strings(pattern: str) -> Strings | None:
    """required_strings(pattern), from the stored file when it holds this pattern."""
    stored = _stored()
    key = pattern_key(pattern)
    if key in stored:
        strings = stored[key]
        return None if strings is None else frozenset(strings)
    return required_strings(pattern)


def gated_patterns() -> list[GatedPattern]:
    return list(_GATED)


def compile_all() -> None:
    """Compile every gated pattern now, before a stream of questions (ask --jsonl calls it), so no question in the
    stream pays for compiling a pattern its gate is the first to let through. The app does not: one visitor's first
    questions each compile a few (0.8 ms apiece at the median, 8 ms for the largest)."""
    for gated in _GATED:
        gated.regex  # noqa: B018 - the property compiles it
    if not sys.dont_write_bytecode:  # PYTHONDONTWRITEBYTECODE: `make` writes them instead
        store([gated.pattern for gated in _GATED])  # the next process's cold start reads them compiled


# Each gate's keys → the bits of the gated patterns that hold it (a pattern's bit is 1 << its place in _GATED).
_KEY_BITS: dict[str, int] = {}


@lru_cache(maxsize=256)
def _passing(text: str, patterns: int) -> int:
    """The bits of the gated patterns whose gate the text passes: its substrings up to KEY_CHARS long that are some
    gate's key, their bits together. One set operation per text, shared by every gate, instead of a set test per gate
    against its own keys (all 123 gates on a question: 59 -> 38 us, hot). `patterns` is len(_GATED), so a pattern made
    later is never judged from an older mask."""
    pieces = {text[i:i + n] for n in range(1, KEY_CHARS + 1) for i in range(len(text) - n + 1)}
    bits = 0
    for key in _KEY_BITS.keys() & pieces:
        bits |= _KEY_BITS[key]
    return bits


class GatedPattern:
    """A pattern behind its gate, compiled on first use: search, finditer and sub answer as the pattern does.

    The gate holds the first KEY_CHARS characters of each required string: the text passes it when one of them is a
    substring of the text (_passing answers for every gate at once), however many strings the pattern requires."""

    def __init__(self, pattern: str | re.Pattern[str]) -> None:
        self._regex = pattern if isinstance(pattern, re.Pattern) else None
        self.pattern: str = pattern.pattern if isinstance(pattern, re.Pattern) else pattern
        strings = gate_strings(self.pattern)
        self.required: frozenset[str] | None = None if strings is None else frozenset(s[:KEY_CHARS] for s in strings)
        self._bit = 1 << len(_GATED)
        for key in self.required or ():
            _KEY_BITS[key] = _KEY_BITS.get(key, 0) | self._bit
        _GATED.append(self)

    @property
    def regex(self) -> re.Pattern[str]:
        # Compiled when first needed: a cold start answers one question, whose gates let a few of the hundred patterns
        # run, and compiling them all was a fifth of a second of it. compile_all() compiles the rest ahead of a stream.
        if self._regex is None:
            self._regex = compile_pattern(self.pattern)
        return self._regex

    def may_match(self, text: str) -> bool:
        return self.required is None or bool(_passing(text, len(_GATED)) & self._bit)

    def search(self, text: str) -> re.Match[str] | None:
        return self.regex.search(text) if self.may_match(text) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.regex.finditer(text) if self.may_match(text) else iter(())

    def sub(self, repl: str, text: str) -> str:
        return self.regex.sub(repl, text) if self.may_match(text) else text

"""One normalised skeleton of text, so every check (dose guard, corpus dose check, names) reads the same thing."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from clincalc_search.confusables import PROTOTYPES

# Default_Ignorable_Code_Point ranges outside category Cf (Unicode DerivedCoreProperties): invisible in
# every font, so "mu<U+3164>ch" reads as "much". Variation selectors and the combining grapheme joiner are
# marks and go with the marks.
_IGNORABLE = ((0x115F, 0x1160), (0x17B4, 0x17B5), (0x180B, 0x180F), (0x3164, 0x3164), (0xFFA0, 0xFFA0),
              (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3), (0xE0000, 0xE0FFF))
_PROTOTYPE = {c: ascii_ for ascii_, chars in PROTOTYPES.items() for c in chars}
# Russian and Ukrainian unit abbreviations are read, not looked at: "мг" is milligrams, though its letters
# resemble "mr". The bare "г" (gram) only after a number, where it cannot be a word.
_CYRILLIC_UNITS = re.compile(r"(?<![^\W\d_])(мкг|мг|мл|ммоль|ед)(?![^\W\d_])|(?<=\d)(\s*)г(?![^\W\d_])")
_UNIT_READING = {"мкг": "mcg", "мг": "mg", "мл": "ml", "ммоль": "mmol", "ед": "units"}


@lru_cache(maxsize=4096)
def _visible(ch: str) -> str:
    """"" for an invisible character or a mark (accents come apart from their letter under NFKD)."""
    code = ord(ch)
    if unicodedata.category(ch) in ("Cf", "Mn", "Me") or any(lo <= code <= hi for lo, hi in _IGNORABLE):
        return ""
    return ch


@lru_cache(maxsize=4096)
def _reading(ch: str) -> str:
    """A visible non-ASCII character as ASCII where it imitates ASCII: its TR39 look-alike, or the ASCII
    digit for any script's digit; otherwise itself."""
    if unicodedata.category(ch) == "Nd":
        return str(unicodedata.decimal(ch))
    return _PROTOTYPE.get(ch, ch)


def _units(match: re.Match[str]) -> str:
    if match.group(1):
        return _UNIT_READING[match.group(1)]
    return f"{match.group(2)}g"


def _once(text: str) -> str:
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    text = text.translate({ord(c): _visible(c) for c in set(text) if not c.isascii()})
    if text.isascii():
        return text
    text = _CYRILLIC_UNITS.sub(_units, text)  # before its letters are read as Latin look-alikes
    text = text.translate({ord(c): _reading(c) for c in set(text) if not c.isascii()})
    return unicodedata.normalize("NFKC", text)


def skeleton(text: str) -> str:
    """The text as every check reads it: compatibility forms folded (full-width, mathematical letters,
    ligatures), invisible characters and accents dropped, look-alike letters of other scripts read as the
    Latin letter they imitate (Unicode TR39 confusables), any script's digits as ASCII digits, case folded
    and whitespace collapsed. Idempotent. Decisions use it; what is shown stays as typed."""
    if text.isascii():
        return " ".join(text.casefold().split())
    out = _once(text)
    # Rarely one pass uncovers more (case folding can compose what a mark separated); settle it.
    for _ in range(3):
        again = _once(out)
        if again == out:
            break
        out = again
    return " ".join(out.split())

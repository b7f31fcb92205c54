"""Highlights as Streamlit Markdown: exact substrings of a verbatim section wrapped in a coloured background."""

from __future__ import annotations

# Fixed text and background colours, so contrast holds in light and dark themes alike: #31333f (Streamlit's
# light-theme text) on #ffe58f (light amber) is 10.1:1, above WCAG AA's 4.5:1 (see contrast_ratio).
FOREGROUND = "#31333f"
BACKGROUND = "#ffe58f"
_OPEN = ":color["
_CLOSE = f']{{foreground="{FOREGROUND}" background="{BACKGROUND}"}}'
# A span holding any of these could close the directive early or start other syntax: it is left unmarked.
_UNSAFE = frozenset("[]{}\\`$<>\n\r|")


def _wrappable(piece: str) -> bool:
    # An odd number of asterisks would split bold or italic markers across the directive's edge.
    return bool(piece.strip()) and not _UNSAFE & set(piece) and piece.count("*") % 2 == 0


def highlighted(text: str, spans: list[tuple[int, int]]) -> str:
    """Markdown showing `text` with each span highlighted. Only markup is added around spans, so with the
    markers removed the result is `text` itself; spans that overlap, fall outside the text or could break
    its Markdown are not marked."""
    out: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        if not 0 <= pos <= start < end <= len(text) or not _wrappable(text[start:end]):
            continue
        out += [text[pos:start], _OPEN, text[start:end], _CLOSE]
        pos = end
    out.append(text[pos:])
    return "".join(out)


def plain(markdown: str) -> str:
    """The inverse of `highlighted`: the section text with the highlight markup taken out."""
    return markdown.replace(_CLOSE, "").replace(_OPEN, "")


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str = FOREGROUND, background: str = BACKGROUND) -> float:
    """WCAG 2 contrast ratio of two #rrggbb colours."""
    light, dark = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)

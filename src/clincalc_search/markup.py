"""Corpus text is plain Markdown (paragraphs, bullets, bold, italics): find anything in it that would be live."""

from __future__ import annotations

import re
from urllib.parse import unquote_plus

# The product's own pages, the only link target allowed: "[warfarin](?drug=warfarin)", "(?class=Anticoagulants)".
OWN_LINK = re.compile(r"\?(drug|class)=([^\s()<>\"'#&]+)")
# A browser fetches an image whenever the page is shown: it tells any host who reads the page, and a picture
# of a dose table passes every text check.
# Every repeat is bounded, so a hostile line of brackets costs linear time, not quadratic; what the bounds
# let through is caught by the bare "![" and "](" rules.
_IMAGE = re.compile(r"!\[[^\[\]]{0,300}\](?:\([^()]{0,500}\)|\[[^\[\]]{0,300}\])?|!\[")
_LINK = re.compile(r"\[[^\[\]]{0,300}\]\(([^()]{0,500})\)")
_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("links to other sites are not allowed", re.compile(
        r"<(?:[a-z][a-z0-9+.-]{1,31}:|www\.)[^\s<>]*>|<[^\s<>@]+@[^\s<>]+>", re.I)),
    ("raw HTML is not allowed", re.compile(
        r"<!--|<![a-z\[]|<\?[a-z]"  # comments, declarations, processing instructions
        r"|</?[a-z][a-z0-9-]*(?:\s[^<>]*)?/?>"  # a whole tag: <b>, </a>, <img src=x>
        r"|<[a-z][a-z0-9-]*(?:\s+[a-z:-]+\s*=|\s*$)",  # a tag whose attributes go on to the next line
        re.I)),
    ("link definitions are not allowed", re.compile(r"^[\s>*+\-\d.)]*\[[^\]]+\]:.*")),
    ("reference links are not allowed", re.compile(r"\[[^\[\]]{0,300}\]\s?\[[^\[\]]{0,300}\]")),
    ("links other than to this product's pages (?drug=, ?class=) are not allowed", re.compile(r"\]\(")),
    ("links to other sites are not allowed", re.compile(
        r"\b(?:https?|ftps?|file)://\S*|\bwww\.\S+|\bmailto:\S+|(?<![\w.+-])[\w.+-]{1,64}@[\w-]+\.[\w.-]*\w",
        re.I)),
]


def live_markup(line: str) -> list[str]:
    """Every problem with one line of corpus text, as "what: 'the text'". Links to the product's own pages
    (`?drug=<name>`, `?class=<name>`) pass here; `own_links` lists them so their targets can be checked."""
    found = [f"images are not allowed: '{m.group(0)}'" for m in _IMAGE.finditer(line)]
    rest = _IMAGE.sub(" ", line)
    found += [f"links other than to this product's pages (?drug=, ?class=) are not allowed: '{m.group(0)}'"
              for m in _LINK.finditer(rest) if not OWN_LINK.fullmatch(m.group(1).strip())]
    rest = _LINK.sub(" ", rest)  # each link reported once, not again as a URL
    for what, rx in _RULES:  # once per kind and line: "<b>x</b>" is one piece of HTML
        if m := rx.search(rest):
            found.append(f"{what}: '{m.group(0).strip()}'")
            rest = rx.sub(" ", rest)  # "<http://x>" is one autolink, not also a bare URL
    return found


def own_links(line: str) -> list[tuple[str, str]]:
    """(kind, name) of every link to the product's own pages: ("drug", "warfarin"), ("class", "Anticoagulants")."""
    return [(m.group(1), unquote_plus(m.group(2))) for link in _LINK.finditer(_IMAGE.sub(" ", line))
            if (m := OWN_LINK.fullmatch(link.group(1).strip()))]

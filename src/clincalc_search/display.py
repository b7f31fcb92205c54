"""Text the shells show around verbatim sections: notices, headings and safe escaping of user text."""

from __future__ import annotations

import re

DOSING_NOTICE = ("Dosing is not published here. Confirm all doses against the product SmPC and your local "
                 "formulary before prescribing.")
# Shown instead of any unexpected error: never the exception text, which can carry paths and source lines.
SOMETHING_WRONG = ("Something went wrong while showing this page. Please try again; if it keeps happening, "
                   "tell the ClinCalc team what you did just before.")
REFUSAL_TITLE = "Dose question — not answered."

# No drug or brand name is anywhere near this long; recognition on 24k typed characters took 12.5 s of CPU.
MAX_NAME_CHARS = 100
NAME_TRUNCATED = f"Only the first {MAX_NAME_CHARS} characters of a name are used."
# How much of a long input is echoed back in a notice.
MAX_ECHO_CHARS = 200

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$])")
# `![alt](src)` and `![alt][ref]`: the browser would fetch src whenever the page is viewed.
_IMAGE_OPENER = re.compile(r"!\[")


def escape_markdown(text: str) -> str:
    """Corpus names and labels shown as literal characters: no links, images, HTML or formatting.
    Not enough for text a user typed (bare URLs are still autolinked): show that with st.text."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def inert_images(markdown: str) -> str:
    """Corpus Markdown with image syntax shown as the characters written, so viewing never fetches a URL.
    Only the display changes: the section text itself (and its copy) stays verbatim."""
    return _IMAGE_OPENER.sub(r"!\\[", markdown)


def cap_name(typed: str) -> tuple[str, bool]:
    """A typed drug name cut to what recognition will look at, and whether anything was cut."""
    return typed[:MAX_NAME_CHARS], len(typed) > MAX_NAME_CHARS


def echo(text: str) -> str:
    """User text as it will be repeated back in a notice: shortened, on one line."""
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= MAX_ECHO_CHARS else one_line[:MAX_ECHO_CHARS] + "…"

# Educator mode: one example per capability, in the order a demo usually goes.
EDUCATOR_EXAMPLES: list[tuple[str, str]] = [
    ("Section answer", "what should I monitor on Besponsa?"),
    ("Misspelt brand", "besponza LFTs?"),
    ("Follow-up", "and how does it work?"),
    ("Two drugs", "inotuzumab vs blinatumomab evidence"),
    ("Class question", "which drugs are antibody-drug conjugates"),
    ("Dose refusal", "how much besponsa for cycle 1"),
    ("Abstention", "what is the capital of France"),
]

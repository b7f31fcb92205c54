"""Text the shells show around verbatim sections: notices, headings and safe escaping of user text."""

from __future__ import annotations

import re

DOSING_NOTICE = ("Dosing is not published here. Confirm all doses against the product SmPC and your local "
                 "formulary before prescribing.")

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$])")


def escape_markdown(text: str) -> str:
    """User-typed text shown as literal characters: no links, images, HTML or formatting."""
    return _MD_SPECIAL.sub(r"\\\1", text)

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

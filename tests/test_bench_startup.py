"""The cold-start bench rewrites only its own section of docs/PERFORMANCE.md."""

from __future__ import annotations

from bench.startup import SECTION, replace_section


def test_section_is_appended_then_replaced_in_place() -> None:
    doc = "# Performance\n\n## Machine\n\nold machine\n"
    once = replace_section(doc, f"{SECTION}\n\nfirst run\n")
    assert once == doc + f"\n{SECTION}\n\nfirst run\n"
    middle = once + "\n## Scale\n\nscale table\n"
    twice = replace_section(middle, f"{SECTION}\n\nsecond run\n")
    assert "first run" not in twice and "second run" in twice
    assert twice.startswith(doc) and twice.endswith("second run\n\n## Scale\n\nscale table\n")
    assert twice.count(SECTION) == 1

"""Write src/clincalc_search/data/regex_gates.json: the gate strings of every gated pattern, read from each pattern's
parse tree (regex_gate.required_strings), keyed by the pattern's hash. Run after changing a gated pattern:
`python tools/make_regex_gates.py` (tests/test_regex_gate.py fails until then)."""

from __future__ import annotations

import json

from clincalc_search import dose_guard, intent, regex_gate  # noqa: F401 - importing them makes their patterns


def main() -> None:
    gates = {}
    for gated in regex_gate.gated_patterns():
        strings = regex_gate.required_strings(gated.pattern)
        gates[regex_gate.pattern_key(gated.pattern)] = None if strings is None else sorted(strings)
    regex_gate.GATES_FILE.write_text(json.dumps(dict(sorted(gates.items())), indent=0) + "\n", encoding="utf-8")
    print(f"wrote {regex_gate.GATES_FILE} ({len(gates)} patterns)")


if __name__ == "__main__":
    main()

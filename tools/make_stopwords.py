"""Write src/clincalc_search/data/stopwords.json: bm25s's stopword lists for the five other languages people ask in
(French, German, Spanish, Italian, Portuguese), and its English list (which tells their words from English ones). The
query path reads the file, since importing bm25s (and scipy with it) would cost a cold start a quarter of a second;
tests/test_chunking_and_index.py fails while the file differs from bm25s's lists. Run `python tools/make_stopwords.py`
after upgrading bm25s."""

from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "clincalc_search" / "data" / "stopwords.json"


def lists() -> dict[str, list[str]]:
    from bm25s import stopwords

    return {lang: sorted(getattr(stopwords, f"STOPWORDS_{name}")) for lang, name in
            (("fr", "FRENCH"), ("de", "GERMAN"), ("es", "SPANISH"), ("it", "ITALIAN"), ("pt", "PORTUGUESE"),
             ("en", "EN"))}


def main() -> None:
    OUT.write_text(json.dumps(lists(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()

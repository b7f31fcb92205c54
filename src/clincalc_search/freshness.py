"""Exit 0 when the index is present and current, 1 otherwise (used by `make run`)."""

from __future__ import annotations

import sys

from clincalc_search.embedding import make_encoder
from clincalc_search.index_store import IndexError_, read_manifest, staleness
from clincalc_search.settings import SettingsError, load_settings


def main() -> int:
    try:
        settings = load_settings()
        encoder = make_encoder(settings.encoder, settings.model_dir)
        reasons = staleness(read_manifest(settings.index_dir), settings.corpus_dir, encoder)
    except (IndexError_, SettingsError) as exc:
        print(exc, file=sys.stderr)
        return 1
    if reasons:
        print(f"index is stale: {'; '.join(reasons)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Allow `python -m clincalc_search`."""

from clincalc_search.cli import main

raise SystemExit(main())

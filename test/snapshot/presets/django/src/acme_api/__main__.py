"""`python -m <package>`: the operations entry point (see cli.py)."""

from .cli import main

raise SystemExit(main())

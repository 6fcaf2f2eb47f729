"""End-to-end tests: `python -m <package>` as a real process, over HTTP."""

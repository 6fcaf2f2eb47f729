"""DATABASE_URL, already checked by core/settings.py, as Django's DATABASES entry."""

from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

# Seconds a SQLite writer waits for another one before giving up.
SQLITE_BUSY_SECONDS = 5
# Seconds to wait for a database server to accept a connection: /ready answers 503, not never.
CONNECT_TIMEOUT_SECONDS = 5
_ENGINES = {
    "postgresql": "django.db.backends.postgresql",
    "mysql": "django.db.backends.mysql",
}


def django_database(url: str) -> dict[str, Any]:
    """`sqlite:///app.db`, `postgresql://...` or `mysql://...` as a DATABASES entry."""
    scheme, _, rest = url.partition("://")
    if scheme == "sqlite":
        return {
            "ENGINE": "django.db.backends.sqlite3",
            # sqlite:///relative.db is relative to the working directory, as everywhere.
            "NAME": rest.removeprefix("/"),
            "OPTIONS": {
                # Writers queue instead of failing at once; readers never block writers.
                "timeout": SQLITE_BUSY_SECONDS,
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON;",
            },
        }
    parts = urlsplit(url)
    return {
        "ENGINE": _ENGINES[scheme],
        "NAME": unquote(parts.path.removeprefix("/")),
        "USER": unquote(parts.username or ""),
        "PASSWORD": unquote(parts.password or ""),
        "HOST": parts.hostname or "",
        "PORT": str(parts.port or ""),
        "OPTIONS": {"connect_timeout": CONNECT_TIMEOUT_SECONDS, **dict(parse_qsl(parts.query))},
        # A connection per request, closed after it: none is held between requests.
        "CONN_MAX_AGE": 0,
    }

"""DATABASE_URL, already checked by core/settings.py, as Django's DATABASES entry."""

from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

# Seconds a SQLite writer waits for another one before giving up.
SQLITE_BUSY_SECONDS = 5
# Seconds to wait for a database server to accept a connection: /ready answers 503, not never.
CONNECT_TIMEOUT_SECONDS = 5
_ENGINES = {
    "postgresql": "django.db.backends.postgresql",
    # Django's MySQL backend over PyMySQL (core/mysql, in projects made for MySQL).
    "mysql": "acme_api.core.mysql",
}
# MySQL and MariaDB sessions as PostgreSQL's are by default: full Unicode, a value
# that does not fit is an error (not silently cut or zeroed, whatever the server's
# own sql_mode says), and READ COMMITTED, so a transaction sees what others committed.
_SESSIONS: dict[str, dict[str, Any]] = {
    "mysql": {
        "charset": "utf8mb4",
        "init_command": (
            "SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE,"
            "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'"
        ),
        "isolation_level": "read committed",
    },
}
# The test databases Django makes: text compared exactly, as the tables the SQLAlchemy
# stack creates are (a server's default collation, e.g. utf8mb4_general_ci, ignores case).
_TEST_DATABASES: dict[str, dict[str, str]] = {
    "mysql": {"CHARSET": "utf8mb4", "COLLATION": "utf8mb4_bin"},
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
            # Each thread keeps its connection: a SQLite one holds no server's resources,
            # and closing the last one checkpoints and removes the WAL files, which the
            # next request would make again.
            "CONN_MAX_AGE": None,
        }
    parts = urlsplit(url)
    return {
        "ENGINE": _ENGINES[scheme],
        "NAME": unquote(parts.path.removeprefix("/")),
        "USER": unquote(parts.username or ""),
        "PASSWORD": unquote(parts.password or ""),
        "HOST": parts.hostname or "",
        "PORT": str(parts.port or ""),
        "OPTIONS": {
            "connect_timeout": CONNECT_TIMEOUT_SECONDS,
            **_SESSIONS.get(scheme, {}),
            **dict(parse_qsl(parts.query)),
        },
        # A connection per request, closed after it: none is held between requests.
        "CONN_MAX_AGE": 0,
        **({"TEST": dict(_TEST_DATABASES[scheme])} if scheme in _TEST_DATABASES else {}),
    }

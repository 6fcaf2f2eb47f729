"""PostgreSQL through psycopg 3, without a server."""

import time

from acme_api.core import db

# Nothing listens on port 1: the connection is refused at once.
UNREACHABLE = "postgresql://app:app@127.0.0.1:1/app"


def test_postgresql_urls_use_psycopg_3() -> None:
    database = db.Database(UNREACHABLE)
    try:
        assert (database.engine.dialect.name, database.engine.dialect.driver) == (
            "postgresql",
            "psycopg",
        )
    finally:
        database.dispose()


def test_ping_is_false_when_the_server_does_not_answer() -> None:
    database = db.Database(UNREACHABLE)
    started = time.monotonic()
    try:
        assert database.ping() is False
    finally:
        database.dispose()
    assert time.monotonic() - started < db.CONNECT_TIMEOUT_SECONDS + 5

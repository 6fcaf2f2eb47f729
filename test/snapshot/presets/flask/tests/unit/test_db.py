from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from acme_api.core import db


def test_postgresql_urls_get_the_installed_driver() -> None:
    url = db.sqlalchemy_url("postgresql://u:p@db:5432/shop")
    assert url == "postgresql+psycopg://u:p@db:5432/shop"


def test_sqlite_urls_are_already_sqlalchemy_urls() -> None:
    assert db.sqlalchemy_url("sqlite:////abs/app.db") == "sqlite:////abs/app.db"


def test_sqlite_connections_may_cross_threads_and_wait_their_turn_to_write() -> None:
    assert db.connect_args("sqlite:///app.db") == {
        "check_same_thread": False,
        "timeout": db.SQLITE_BUSY_TIMEOUT_SECONDS,
    }


def test_sqlite_connections_enforce_foreign_keys(tmp_path: Path) -> None:
    database = db.Database(f"sqlite:///{tmp_path / 'app.db'}")
    try:
        with database.engine.connect() as connection:
            assert connection.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
    finally:
        database.dispose()


def test_a_silent_server_cannot_hold_a_connection_for_long() -> None:
    options = db.connect_args("postgresql+psycopg://u:p@db:5432/shop")
    assert options == {"connect_timeout": db.CONNECT_TIMEOUT_SECONDS}


def test_ping_is_false_when_the_database_cannot_be_opened(tmp_path: Path) -> None:
    database = db.Database(f"sqlite:///{tmp_path / 'missing' / 'app.db'}")
    try:
        assert database.ping() is False
    finally:
        database.dispose()


def test_database_errors_never_show_the_values_sent(tmp_path: Path) -> None:
    database = db.Database(f"sqlite:///{tmp_path / 'app.db'}")
    query = text("SELECT * FROM missing WHERE email = :email")
    try:
        with database.engine.connect() as connection, pytest.raises(OperationalError) as raised:
            connection.execute(query, {"email": "alice@example.com"})
    finally:
        database.dispose()
    assert "missing" in str(raised.value)
    assert "alice@example.com" not in str(raised.value)

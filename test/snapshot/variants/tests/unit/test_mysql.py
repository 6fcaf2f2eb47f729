"""MySQL and MariaDB through PyMySQL, without a server."""

import time
from datetime import UTC, datetime

from sqlalchemy import Integer
from sqlalchemy.dialects import mysql
from sqlalchemy.schema import CreateTable

from acme_api.core import db
from acme_api.core.columns import UtcDateTime

# Nothing listens on port 1: the connection is refused at once.
UNREACHABLE = "mysql://app:app@127.0.0.1:1/app"


def test_mysql_urls_use_pymysql_in_strict_utf8mb4_sessions() -> None:
    database = db.Database(UNREACHABLE)
    try:
        assert (database.engine.dialect.name, database.engine.dialect.driver) == (
            "mysql",
            "pymysql",
        )
    finally:
        database.dispose()
    options = db.connect_args(db.sqlalchemy_url(UNREACHABLE))
    assert options["charset"] == "utf8mb4"
    assert "STRICT_ALL_TABLES" in options["init_command"]


def test_tables_are_utf8mb4_with_64_bit_integers_and_microsecond_timestamps() -> None:
    db.import_models()
    dialect = mysql.dialect()
    for table in db.Base.metadata.sorted_tables:
        ddl = str(CreateTable(table).compile(dialect=dialect))
        assert "CHARSET=utf8mb4 COLLATE utf8mb4_bin" in ddl, table.name
        for column in table.columns:
            if isinstance(column.type, Integer):
                assert column.type.compile(dialect=dialect) == "BIGINT", column
            if isinstance(column.type, UtcDateTime):
                assert column.type.compile(dialect=dialect) == "DATETIME(6)", column


def test_naive_values_read_back_are_utc() -> None:
    stored = datetime(2030, 1, 2, 3, 4, 5, tzinfo=UTC)
    read = UtcDateTime().process_result_value(stored.replace(tzinfo=None), mysql.dialect())
    assert read == stored


def test_ping_is_false_when_the_server_does_not_answer() -> None:
    database = db.Database(UNREACHABLE)
    started = time.monotonic()
    try:
        assert database.ping() is False
    finally:
        database.dispose()
    assert time.monotonic() - started < db.CONNECT_TIMEOUT_SECONDS + 5

"""The app against MySQL or MariaDB: the isolated test database, and a server that is gone."""

from sqlalchemy import text

from acme_api.core.db import Database
from acme_api.core.settings import Settings

from tests.app_client import app_client

# Nothing listens on port 1: the connection is refused at once.
UNREACHABLE = "mysql://app:app@127.0.0.1:1/app"


def test_the_tests_get_a_fresh_strict_read_committed_mysql_database(database_url: str) -> None:
    assert database_url.startswith("mysql://")
    database = Database(database_url)
    try:
        with database.engine.connect() as connection:
            name = connection.execute(text("SELECT DATABASE()")).scalar_one()
            mode = connection.execute(text("SELECT @@SESSION.sql_mode")).scalar_one()
            isolation = connection.get_isolation_level()
    finally:
        database.dispose()
    assert name.startswith("test_")
    assert "STRICT_ALL_TABLES" in mode
    assert isolation == "READ COMMITTED"


def test_ready_is_503_when_mysql_does_not_answer() -> None:
    with app_client(Settings(database_url=UNREACHABLE)) as client:
        response = client.get("/ready")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "checks": {"database": "unavailable"}}

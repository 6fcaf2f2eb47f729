"""The app against PostgreSQL: the isolated test database, and a server that is gone."""

from sqlalchemy import text

from acme_api.core.db import Database
from acme_api.core.settings import Settings

from tests.app_client import app_client

# Nothing listens on port 1: the connection is refused at once.
UNREACHABLE = "postgresql://app:app@127.0.0.1:1/app"


def test_the_tests_run_on_a_fresh_postgresql_database_of_their_own(database_url: str) -> None:
    assert database_url.startswith("postgresql://")
    database = Database(database_url)
    try:
        with database.engine.connect() as connection:
            name = connection.execute(text("SELECT current_database()")).scalar_one()
    finally:
        database.dispose()
    assert name.startswith("test_")


def test_ready_is_503_when_postgresql_does_not_answer() -> None:
    with app_client(Settings(database_url=UNREACHABLE)) as client:
        response = client.get("/ready")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "checks": {"database": "unavailable"}}

"""Unit tests' database: every model's table in memory, a session per test, no app."""

from collections.abc import Iterator

import pytest
from sqlalchemy.orm import Session

from acme_api.core.db import IN_MEMORY, Database

from tests.app_client import create_tables


@pytest.fixture
def session() -> Iterator[Session]:
    database = Database(IN_MEMORY)
    create_tables(database)
    try:
        with database.sessions() as session:
            yield session
    finally:
        database.dispose()

from collections.abc import Iterator

import httpx2
import pytest

from tests.app_client import app_client


@pytest.fixture
def client(db: None) -> Iterator[httpx2.Client]:
    """The app through its test client, on pytest-django's test database (never the real one)."""
    with app_client() as client:
        yield client

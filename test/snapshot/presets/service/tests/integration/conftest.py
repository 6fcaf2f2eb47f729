from collections.abc import Iterator
from pathlib import Path

import httpx2
import pytest

from acme_api.cli import main
from acme_api.settings import Settings

from tests.app_client import app_client


@pytest.fixture
def database_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A migrated, empty SQLite database of this test's own: never the development one."""
    url = f"sqlite:///{tmp_path / 'test.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    assert main(["migrate"]) == 0
    return url


@pytest.fixture
def client(database_url: str) -> Iterator[httpx2.Client]:
    with app_client(Settings(database_url=database_url)) as client:
        yield client

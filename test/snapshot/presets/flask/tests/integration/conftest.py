from collections.abc import Iterator
from pathlib import Path

import httpx2
import pytest

from acme_api.cli import main
from acme_api.core.settings import Settings

from tests.app_client import app_client
from tests.databases import isolated_database


@pytest.fixture
def database_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A migrated, empty database of this test's own: never the development one."""
    with isolated_database(tmp_path, "integration") as url:
        monkeypatch.setenv("DATABASE_URL", url)
        assert main(["migrate"]) == 0
        yield url


@pytest.fixture
def client(database_url: str) -> Iterator[httpx2.Client]:
    with app_client(Settings(database_url=database_url)) as client:
        yield client

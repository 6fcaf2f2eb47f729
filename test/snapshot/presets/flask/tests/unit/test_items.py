"""`/api/v1/items` over Flask's test client, on an in-memory database."""

from collections.abc import Iterator

import httpx2
import pytest

from acme_api.core.db import IN_MEMORY
from acme_api.core.settings import Settings

from tests.app_client import app_client
from tests.identity import new_user_headers
from tests.resources import create, valid_body

PATH = "/api/v1/items"
PROBLEM = "application/problem+json"
# A required field: what the tests change.
REQUIRED = "title"
CHANGED = "changed"


@pytest.fixture
def client() -> Iterator[httpx2.Client]:
    with app_client(Settings(database_url=IN_MEMORY)) as client:
        yield client


def test_create_list_read_change_delete(client: httpx2.Client, headers: dict[str, str]) -> None:
    created = client.post(PATH, json=valid_body(client, headers, PATH), headers=headers)
    assert created.status_code == 201
    row = created.json()
    assert created.headers["Location"] == f"{PATH}/{row['id']}"
    page = client.get(PATH, params={"limit": 100}, headers=headers).json()
    assert row in page["items"]
    assert client.get(f"{PATH}/{row['id']}", headers=headers).json() == row
    changed = client.patch(f"{PATH}/{row['id']}", json={REQUIRED: CHANGED}, headers=headers)
    assert changed.json()[REQUIRED] == CHANGED
    assert client.delete(f"{PATH}/{row['id']}", headers=headers).status_code == 204
    missing = client.get(f"{PATH}/{row['id']}", headers=headers)
    assert (missing.status_code, missing.headers["content-type"]) == (404, PROBLEM)


def test_ids_outside_a_database_integer_are_422(
    client: httpx2.Client, headers: dict[str, str]
) -> None:
    for bad in (0, 2**63):
        refused = client.get(f"{PATH}/{bad}", headers=headers)
        assert refused.status_code == 422


def test_another_users_rows_are_invisible(client: httpx2.Client, headers: dict[str, str]) -> None:
    row = create(client, headers, PATH)
    stranger = new_user_headers(client)
    assert client.get(f"{PATH}/{row['id']}", headers=stranger).status_code == 404
    assert client.get(PATH, headers=stranger).json()["total"] == 0
    assert client.get(PATH).status_code == 401

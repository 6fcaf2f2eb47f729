"""`/api/v1/items`: the bodies' rules, and the routes on an in-memory database."""

from collections.abc import Iterator
from typing import Any

import httpx2
import pytest
from pydantic import ValidationError

from acme_api.core.db import IN_MEMORY
from acme_api.core.settings import Settings
from acme_api.items.schemas import ItemCreate, ItemUpdate

from tests.app_client import app_client
from tests.identity import new_user_headers

PATH = "/api/v1/items"
VALID = {"title": "a title", "description": "a description"}
TOO_LONG = "x" * 201


@pytest.fixture
def client() -> Iterator[httpx2.Client]:
    with app_client(Settings(database_url=IN_MEMORY)) as client:
        yield client


def test_create_refuses_server_owned_and_unknown_fields() -> None:
    for extra in ("id", "created_at", "updated_at", "owner_id", "unknown"):
        with pytest.raises(ValidationError):
            ItemCreate.model_validate({**VALID, extra: 1})


def test_create_refuses_nul_characters() -> None:
    with pytest.raises(ValidationError, match="NUL"):
        ItemCreate.model_validate({**VALID, "title": "a\x00b"})


def test_create_checks_bounds() -> None:
    with pytest.raises(ValidationError):
        ItemCreate.model_validate({**VALID, "title": TOO_LONG})
    assert ItemCreate.model_validate(VALID).model_dump() == VALID


def test_update_changes_only_what_is_sent() -> None:
    update = ItemUpdate.model_validate({"title": "new"})
    assert update.model_dump(exclude_unset=True) == {"title": "new"}
    with pytest.raises(ValidationError):
        ItemUpdate.model_validate({"title": None})


def _create(client: httpx2.Client, headers: dict[str, str]) -> dict[str, Any]:
    response = client.post(PATH, json=VALID, headers=headers)
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def test_routes_create_list_read_change_delete(
    client: httpx2.Client, headers: dict[str, str]
) -> None:
    created = _create(client, headers)
    url = f"{PATH}/{created['id']}"
    assert client.get(PATH, headers=headers).json()["items"] == [created]
    patched = client.patch(url, json={"title": "new"}, headers=headers)
    assert patched.json()["title"] == "new"
    assert client.delete(url, headers=headers).status_code == 204
    assert client.get(url, headers=headers).status_code == 404
    assert client.patch(url, json={}, headers=headers).status_code == 404


def test_another_users_rows_are_invisible(client: httpx2.Client, headers: dict[str, str]) -> None:
    created = _create(client, headers)
    other = new_user_headers(client)
    assert client.get(f"{PATH}/{created['id']}", headers=other).status_code == 404
    assert client.get(PATH, headers=other).json()["total"] == 0
    assert client.get(PATH).status_code == 401

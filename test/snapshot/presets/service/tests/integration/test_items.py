"""`/api/v1/items` through the test client, on a migrated test database."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx2
import pytest
from sqlalchemy import event

from acme_api.core.db import Database

PATH = "/api/v1/items"
VALID = {"title": "a title", "description": "a description"}
TOO_LONG = "x" * 201


def create(client: httpx2.Client, headers: dict[str, str], **changes: Any) -> dict[str, Any]:
    response = client.post(PATH, json={**VALID, **changes}, headers=headers)
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def test_create_answers_201_with_location(client: httpx2.Client, headers: dict[str, str]) -> None:
    response = client.post(PATH, json=VALID, headers=headers)
    assert response.status_code == 201
    created = response.json()
    assert response.headers["location"] == f"{PATH}/{created['id']}"
    assert {k: created[k] for k in VALID} == VALID
    assert created["created_at"].endswith(("Z", "+00:00"))


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "title"),
        ({**VALID, "title": TOO_LONG}, "title"),
        ({**VALID, "id": 5}, "id"),
        ({**VALID, "created_at": "2020-01-01T00:00:00Z"}, "created_at"),
        ({**VALID, "unknown": 1}, "unknown"),
    ],
)
def test_invalid_bodies_are_422_problems(
    client: httpx2.Client, headers: dict[str, str], body: dict[str, Any], field: str
) -> None:
    response = client.post(PATH, json=body, headers=headers)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert field in [error["field"] for error in response.json()["errors"]]


def test_list_is_a_page_ordered_by_id(client: httpx2.Client, headers: dict[str, str]) -> None:
    ids = [create(client, headers)["id"] for _ in range(3)]
    page = client.get(PATH, params={"limit": 2, "offset": 1}, headers=headers).json()
    assert [row["id"] for row in page["items"]] == ids[1:3]
    assert (page["total"], page["limit"], page["offset"]) == (3, 2, 1)
    assert client.get(PATH, params={"limit": 0}, headers=headers).status_code == 422


def test_read_change_delete(client: httpx2.Client, headers: dict[str, str]) -> None:
    created = create(client, headers)
    url = f"{PATH}/{created['id']}"
    assert client.get(url, headers=headers).json() == created
    changed = client.patch(url, json={"title": "changed"}, headers=headers)
    assert changed.status_code == 200
    assert changed.json()["title"] == "changed"
    null = client.patch(url, json={"title": None}, headers=headers)
    assert null.status_code == 422
    assert client.delete(url, headers=headers).status_code == 204
    assert client.get(url, headers=headers).status_code == 404
    assert client.delete(url, headers=headers).status_code == 404
    assert client.get(f"{PATH}/not-a-number", headers=headers).status_code in (404, 422)


def test_ids_are_never_reused_after_a_delete(
    client: httpx2.Client, headers: dict[str, str]
) -> None:
    last = create(client, headers)
    assert client.delete(f"{PATH}/{last['id']}", headers=headers).status_code == 204
    assert create(client, headers)["id"] > last["id"]


def test_ids_hold_64_bits_and_a_larger_one_is_a_422(
    client: httpx2.Client, headers: dict[str, str]
) -> None:
    largest = 2**63 - 1
    assert client.get(f"{PATH}/{largest}", headers=headers).status_code == 404
    assert client.get(f"{PATH}/{largest + 1}", headers=headers).status_code == 422


@contextmanager
def counted_queries(database: Database) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(args[2])

    event.listen(database.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(database.engine, "before_cursor_execute", count)


def test_listing_costs_the_same_queries_for_any_page_size(
    client: httpx2.Client, headers: dict[str, str]
) -> None:
    database: Database = client.app.state.database  # type: ignore[attr-defined]
    create(client, headers)
    with counted_queries(database) as one:
        client.get(PATH, headers=headers)
    for _ in range(25):
        create(client, headers)
    with counted_queries(database) as many:
        assert len(client.get(PATH, params={"limit": 100}, headers=headers).json()["items"]) == 26
    assert len(many) == len(one)

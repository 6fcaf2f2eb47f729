"""`/api/v1/items` through the test client, on a migrated test database."""

from typing import Any

import httpx2
import pytest

from tests.queries import counted_queries
from tests.resources import create, valid_body

PATH = "/api/v1/items"
# A required field: what the tests leave out, change, and try to set to null.
REQUIRED = "title"
CHANGED = "changed"
# Per field, a value its type refuses.
INVALID: list[tuple[str, Any]] = [
    ("title", "x" * 201),
    ("description", "x" * 2001),
]


def test_create_answers_201_with_location(client: httpx2.Client, headers: dict[str, str]) -> None:
    body = valid_body(client, headers, PATH)
    response = client.post(PATH, json=body, headers=headers)
    assert response.status_code == 201
    created = response.json()
    assert response.headers["location"] == f"{PATH}/{created['id']}"
    assert created["created_at"].endswith(("Z", "+00:00"))


@pytest.mark.parametrize(("field", "value"), INVALID)
def test_a_value_of_the_wrong_kind_is_a_422_on_its_field(
    client: httpx2.Client, headers: dict[str, str], field: str, value: Any
) -> None:
    body = {**valid_body(client, headers, PATH), field: value}
    response = client.post(PATH, json=body, headers=headers)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert field in [error["field"] for error in response.json()["errors"]]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"id": 5}, "id"),
        ({"created_at": "2020-01-01T00:00:00Z"}, "created_at"),
        ({"unknown": 1}, "unknown"),
    ],
)
def test_server_owned_and_unknown_fields_are_422_problems(
    client: httpx2.Client, headers: dict[str, str], changes: dict[str, Any], field: str
) -> None:
    body = {**valid_body(client, headers, PATH), **changes}
    response = client.post(PATH, json=body, headers=headers)
    assert response.status_code == 422
    assert field in [error["field"] for error in response.json()["errors"]]


def test_a_required_field_left_out_is_a_422(client: httpx2.Client, headers: dict[str, str]) -> None:
    body = valid_body(client, headers, PATH)
    del body[REQUIRED]
    response = client.post(PATH, json=body, headers=headers)
    assert response.status_code == 422
    assert REQUIRED in [error["field"] for error in response.json()["errors"]]


def test_list_is_a_page_ordered_by_id(client: httpx2.Client, headers: dict[str, str]) -> None:
    ids = [create(client, headers, PATH)["id"] for _ in range(3)]
    page = client.get(PATH, params={"limit": 2, "offset": 1}, headers=headers).json()
    assert [row["id"] for row in page["items"]] == ids[1:3]
    assert (page["total"], page["limit"], page["offset"]) == (3, 2, 1)
    assert client.get(PATH, params={"limit": 0}, headers=headers).status_code == 422


def test_read_change_delete(client: httpx2.Client, headers: dict[str, str]) -> None:
    created = create(client, headers, PATH)
    url = f"{PATH}/{created['id']}"
    assert client.get(url, headers=headers).json() == created
    changed = client.patch(url, json={REQUIRED: CHANGED}, headers=headers)
    assert changed.status_code == 200
    assert changed.json()[REQUIRED] == CHANGED
    null = client.patch(url, json={REQUIRED: None}, headers=headers)
    assert null.status_code == 422
    assert client.delete(url, headers=headers).status_code == 204
    assert client.get(url, headers=headers).status_code == 404
    assert client.delete(url, headers=headers).status_code == 404
    assert client.get(f"{PATH}/not-a-number", headers=headers).status_code in (404, 422)


def test_a_method_the_path_lacks_is_a_405_naming_the_ones_it_has(
    client: httpx2.Client, headers: dict[str, str]
) -> None:
    # With credentials or without: the method is refused before anyone is asked to log in.
    for sent in (headers, {}):
        response = client.put(PATH, json={}, headers=sent)
        assert response.status_code == 405
        assert response.headers["content-type"] == "application/problem+json"
        allowed = {method.strip() for method in response.headers["allow"].split(",")}
        assert {"GET", "POST"} <= allowed


def test_ids_are_never_reused_after_a_delete(
    client: httpx2.Client, headers: dict[str, str]
) -> None:
    last = create(client, headers, PATH)
    assert client.delete(f"{PATH}/{last['id']}", headers=headers).status_code == 204
    assert create(client, headers, PATH)["id"] > last["id"]


def test_ids_hold_64_bits_and_a_larger_one_is_a_422(
    client: httpx2.Client, headers: dict[str, str]
) -> None:
    largest = 2**63 - 1
    assert client.get(f"{PATH}/{largest}", headers=headers).status_code == 404
    for beyond in (largest + 1, 2**64):
        assert client.get(f"{PATH}/{beyond}", headers=headers).status_code == 422


def test_listing_costs_the_same_queries_for_any_page_size(
    client: httpx2.Client, headers: dict[str, str]
) -> None:
    create(client, headers, PATH)
    with counted_queries(client) as one:
        client.get(PATH, headers=headers)
    for _ in range(25):
        create(client, headers, PATH)
    with counted_queries(client) as many:
        assert len(client.get(PATH, params={"limit": 100}, headers=headers).json()["items"]) == 26
    assert len(many) == len(one)

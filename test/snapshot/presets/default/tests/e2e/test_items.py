"""`/api/v1/items` over HTTP, against the served app."""

import httpx2

from tests.resources import valid_body

PATH = "/api/v1/items"
REQUIRED = "title"
CHANGED = "changed"


def test_item_lifecycle_over_http(
    client: httpx2.Client,
    headers: dict[str, str],
) -> None:
    created = client.post(PATH, json=valid_body(client, headers, PATH), headers=headers)
    assert created.status_code == 201, created.text
    url = created.headers["location"]
    assert client.get(url, headers=headers).json() == created.json()
    listed = client.get(PATH, params={"limit": 100}, headers=headers).json()
    assert created.json()["id"] in [row["id"] for row in listed["items"]]
    changed = client.patch(url, json={REQUIRED: CHANGED}, headers=headers)
    assert changed.json()[REQUIRED] == CHANGED
    assert client.delete(url, headers=headers).status_code == 204
    assert client.get(url, headers=headers).status_code == 404


def test_unknown_fields_are_refused(client: httpx2.Client, headers: dict[str, str]) -> None:
    body = {**valid_body(client, headers, PATH), "id": 1}
    response = client.post(PATH, json=body, headers=headers)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "id"


def test_a_nul_character_is_refused(client: httpx2.Client, headers: dict[str, str]) -> None:
    body = valid_body(client, headers, PATH)
    body["title"] = "before\u0000after"
    response = client.post(PATH, json=body, headers=headers)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "title"

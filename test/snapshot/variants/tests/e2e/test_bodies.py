"""Bodies the served app refuses before any view reads them, as problem details."""

import httpx2
import pytest

# A route that takes a JSON object from anyone, authenticated or not.
%%% if auth=none
OPEN_POST = "/api/v1/items"
%%% end
%%% if auth=jwt
OPEN_POST = "/api/v1/auth/register"
%%% end
JSON = {"content-type": "application/json"}


@pytest.mark.parametrize("content", [b"{not json", b"\xff\xfe{"])
def test_a_body_that_is_not_json_is_a_422(client: httpx2.Client, content: bytes) -> None:
    response = client.post(OPEN_POST, content=content, headers=JSON)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["errors"] == [{"field": "body", "message": "The body is not valid JSON."}]
    assert (body["instance"], body["request_id"]) == (OPEN_POST, response.headers["x-request-id"])


def test_a_body_that_is_not_an_object_is_a_422(client: httpx2.Client) -> None:
    response = client.post(OPEN_POST, json=["a", "list"])
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "body", "message": "Invalid data. Expected a dictionary, but got list."}
    ]


def test_a_wrong_method_names_the_allowed_ones(client: httpx2.Client) -> None:
    response = client.delete(OPEN_POST)
    assert response.status_code == 405
    assert "POST" in response.headers["allow"]

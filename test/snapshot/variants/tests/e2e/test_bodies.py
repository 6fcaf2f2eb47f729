"""Bodies the served app refuses before any view reads them, as problem details."""

import httpx2
import pytest

# A route that takes a JSON object from anyone, authenticated or not, and a body it accepts.
%%% if auth=none
OPEN_POST = "/api/v1/items"
ACCEPTED = b'{"title": "sent in chunks"}'
%%% end
%%% if auth=jwt | auth=session | auth=oauth
OPEN_POST = "/api/v1/auth/register"
ACCEPTED = b'{"email": "chunked@example.com", "password": "long enough"}'
%%% end
JSON = {"content-type": "application/json"}
MAX_BODY_BYTES = 1_048_576


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


def test_a_body_sent_in_chunks_is_read_whole(client: httpx2.Client) -> None:
    chunks = iter([ACCEPTED[:10], ACCEPTED[10:]])
    response = client.post(OPEN_POST, content=chunks, headers=JSON)
    assert response.status_code == 201, response.text


def test_a_body_sent_in_chunks_past_the_limit_is_a_413(client: httpx2.Client) -> None:
    chunks = (b"x" * 65_536 for _ in range(MAX_BODY_BYTES // 65_536 + 1))
    response = client.post(OPEN_POST, content=chunks, headers=JSON)
    assert response.status_code == 413
    assert response.json()["detail"] == "The request body is larger than MAX_BODY_BYTES allows."

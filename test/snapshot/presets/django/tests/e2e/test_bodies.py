"""Bodies the served app refuses before any view reads them, as problem details."""

import json
from typing import NamedTuple

import httpx2
import pytest

from tests.users import new_email

JSON = {"content-type": "application/json"}
MAX_BODY_BYTES = 1_048_576


class OpenPost(NamedTuple):
    """A route that takes a JSON object from anyone, authenticated or not, and a body it accepts."""

    path: str
    accepted: bytes


@pytest.fixture
def open_post(client: httpx2.Client) -> OpenPost:
    body = {"email": new_email(), "password": "long enough"}
    return OpenPost("/api/v1/auth/register", json.dumps(body).encode())


@pytest.mark.parametrize("content", [b"{not json", b"\xff\xfe{"])
def test_a_body_that_is_not_json_is_a_422(
    client: httpx2.Client, open_post: OpenPost, content: bytes
) -> None:
    response = client.post(open_post.path, content=content, headers=JSON)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["errors"] == [{"field": "body", "message": "The body is not valid JSON."}]
    assert body["instance"] == open_post.path
    assert body["request_id"] == response.headers["x-request-id"]


def test_a_body_that_is_not_an_object_is_a_422(client: httpx2.Client, open_post: OpenPost) -> None:
    response = client.post(open_post.path, json=["a", "list"])
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "body", "message": "Invalid data. Expected a dictionary, but got list."}
    ]


def test_a_wrong_method_names_the_allowed_ones(client: httpx2.Client, open_post: OpenPost) -> None:
    response = client.delete(open_post.path)
    assert response.status_code == 405
    assert "POST" in response.headers["allow"]


def test_a_body_sent_in_chunks_is_read_whole(client: httpx2.Client, open_post: OpenPost) -> None:
    chunks = iter([open_post.accepted[:10], open_post.accepted[10:]])
    response = client.post(open_post.path, content=chunks, headers=JSON)
    assert response.status_code == 201, response.text


def test_a_body_sent_in_chunks_past_the_limit_is_a_413(
    client: httpx2.Client, open_post: OpenPost
) -> None:
    chunks = (b"x" * 65_536 for _ in range(MAX_BODY_BYTES // 65_536 + 1))
    response = client.post(open_post.path, content=chunks, headers=JSON)
    assert response.status_code == 413
    assert response.json()["detail"] == "The request body is larger than MAX_BODY_BYTES allows."

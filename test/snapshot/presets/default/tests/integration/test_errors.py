"""Every error is an RFC 9457 problem with the request's id."""

import logging
from http import HTTPStatus

import httpx2
import pytest

from acme_api.core.settings import Settings

from tests.app_client import CRASH_MESSAGE, app_client

PROBLEM = "application/problem+json"


def _assert_problem(response: httpx2.Response, status: int, path: str) -> dict[str, object]:
    assert response.status_code == status
    assert response.headers["content-type"] == PROBLEM
    body: dict[str, object] = response.json()
    assert body["type"] == "about:blank"
    assert body["title"] == HTTPStatus(status).phrase
    assert body["status"] == status
    assert body["instance"] == path
    assert body["request_id"] == response.headers["x-request-id"]
    return body


def test_unknown_path(client: httpx2.Client) -> None:
    _assert_problem(client.get("/api/v1/nothing"), 404, "/api/v1/nothing")


def test_wrong_method(client: httpx2.Client) -> None:
    response = client.post("/ready")
    _assert_problem(response, 405, "/ready")
    assert response.headers["allow"] == "GET"


def test_invalid_query(client: httpx2.Client) -> None:
    response = client.post("/probe/notes?limit=101", json={"title": "ok"})
    body = _assert_problem(response, 422, "/probe/notes")
    assert body["errors"] == [
        {"field": "limit", "message": "Input should be less than or equal to 100"},
    ]


def test_invalid_body(client: httpx2.Client) -> None:
    response = client.post("/probe/notes", json={"tags": "not-a-list"})
    body = _assert_problem(response, 422, "/probe/notes")
    assert body["errors"] == [
        {"field": "title", "message": "Field required"},
        {"field": "tags", "message": "Input should be a valid list"},
    ]


def test_malformed_json(client: httpx2.Client) -> None:
    response = client.post(
        "/probe/notes", content=b"{not json", headers={"content-type": "application/json"}
    )
    body = _assert_problem(response, 422, "/probe/notes")
    assert body["errors"] == [{"field": "body", "message": "The body is not valid JSON."}]


def test_a_valid_body_passes(client: httpx2.Client) -> None:
    response = client.post("/probe/notes", json={"title": "hello"})
    assert (response.status_code, response.json()) == (201, {"title": "hello", "tags": []})


def test_unhandled_exception(client: httpx2.Client, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR):
        response = client.get("/probe/crash")
    body = _assert_problem(response, 500, "/probe/crash")
    assert CRASH_MESSAGE not in str(body)
    assert "Traceback" not in response.text
    assert any(record.exc_info for record in caplog.records)


def test_a_body_that_is_not_utf8_is_a_422(client: httpx2.Client) -> None:
    response = client.post(
        "/probe/notes", content=b"\xff\xfe{", headers={"content-type": "application/json"}
    )
    body = _assert_problem(response, 422, "/probe/notes")
    assert body["errors"] == [{"field": "body", "message": "The body is not valid JSON."}]


def test_every_response_is_neither_sniffed_nor_cached(client: httpx2.Client) -> None:
    for response in (client.get("/health"), client.get("/api/v1/nothing")):
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["cache-control"] == "no-store"


def test_a_body_over_max_body_bytes_is_413_before_it_is_parsed(database_url: str) -> None:
    body = b'{"title": "' + b"x" * 100 + b'"}'
    headers = {"content-type": "application/json"}
    with app_client(Settings(database_url=database_url, max_body_bytes=64)) as client:
        # Declared by Content-Length: refused before a byte is read.
        declared = client.post("/probe/notes", content=body, headers=headers)
        _assert_problem(declared, 413, "/probe/notes")
        # Sent in chunks, with no length: refused once the count passes the limit.
        chunks = iter([body[:50], body[50:]])
        chunked = client.post("/probe/notes", content=chunks, headers=headers)
        _assert_problem(chunked, 413, "/probe/notes")
        # Within the limit, the body is read and parsed as usual, however it is sent.
        small = client.post("/probe/notes", content=b'{"tags": []}', headers=headers)
        assert small.status_code != 413
        small_chunks = iter([b'{"title": ', b'"a"}'])
        small_chunked = client.post("/probe/notes", content=small_chunks, headers=headers)
        assert (small_chunked.status_code, small_chunked.json()["title"]) == (201, "a")

"""Health, errors and request ids through Django's test client, on the test database."""

import logging
import uuid
from http import HTTPStatus

import httpx2
import pytest
from django.db import DatabaseError

from acme_api.core import views

PROBLEM = "application/problem+json"
# A route that takes a JSON object from anyone, authenticated or not.
OPEN_POST = "/api/v1/auth/register"


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


def test_health(client: httpx2.Client) -> None:
    response = client.get("/health")
    assert (response.status_code, response.json()) == (200, {"status": "ok"})


def test_ready_checks_the_database(client: httpx2.Client) -> None:
    response = client.get("/ready")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok"}}


def test_ready_is_503_when_the_database_cannot_be_reached(
    client: httpx2.Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Unreachable:
        def cursor(self) -> None:
            raise DatabaseError("gone")

    monkeypatch.setattr(views, "connection", Unreachable())
    response = client.get("/ready")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "checks": {"database": "unavailable"}}


def test_openapi_documents_every_operation_and_the_docs_page_is_served(
    client: httpx2.Client,
) -> None:
    document = client.get("/openapi.json").json()
    assert document["openapi"].startswith("3.")
    assert {"200", "503"} <= set(document["paths"]["/ready"]["get"]["responses"])
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert docs.headers["content-type"].startswith("text/html")


def test_unknown_path(client: httpx2.Client) -> None:
    _assert_problem(client.get("/api/v1/nothing"), 404, "/api/v1/nothing")


def test_a_trailing_slash_is_another_path(client: httpx2.Client) -> None:
    _assert_problem(client.get("/health/"), 404, "/health/")


def test_wrong_method(client: httpx2.Client) -> None:
    _assert_problem(client.post("/ready"), 405, "/ready")


@pytest.mark.parametrize("content", [b"{not json", b"\xff\xfe{"])
def test_a_body_that_is_not_json_is_a_422(client: httpx2.Client, content: bytes) -> None:
    response = client.post(OPEN_POST, content=content, headers={"content-type": "application/json"})
    body = _assert_problem(response, 422, OPEN_POST)
    assert body["errors"] == [{"field": "body", "message": "The body is not valid JSON."}]


def test_a_body_that_is_not_an_object_is_a_422(client: httpx2.Client) -> None:
    response = client.post(OPEN_POST, json=["a", "list"])
    body = _assert_problem(response, 422, OPEN_POST)
    assert body["errors"] == [
        {"field": "body", "message": "Invalid data. Expected a dictionary, but got list."}
    ]


def test_an_unhandled_exception_is_a_bare_500_and_logged(
    client: httpx2.Client, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    class Crashing:
        def cursor(self) -> None:
            raise RuntimeError("internal detail that must not leak")

    monkeypatch.setattr(views, "connection", Crashing())
    with caplog.at_level(logging.ERROR):
        response = client.get("/ready", headers={"X-Request-ID": "crash-1"})
    body = _assert_problem(response, 500, "/ready")
    assert "internal detail" not in str(body)
    assert any(record.exc_info for record in caplog.records)


def test_a_body_over_the_limit_is_a_413(client: httpx2.Client) -> None:
    response = client.post("/health", content=b"x" * (1_048_576 + 1))
    _assert_problem(response, 413, "/health")
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("path", ["/health", "/ready", "/nowhere"])
def test_a_valid_request_id_is_echoed_on_every_response(client: httpx2.Client, path: str) -> None:
    response = client.get(path, headers={"X-Request-ID": "client-7.a_b"})
    assert response.headers["x-request-id"] == "client-7.a_b"


@pytest.mark.parametrize("incoming", ["", "x" * 129, "white space", 'quote"d'])
def test_an_invalid_request_id_is_replaced_by_a_uuid(client: httpx2.Client, incoming: str) -> None:
    returned = client.get("/health", headers={"X-Request-ID": incoming}).headers["x-request-id"]
    assert uuid.UUID(returned).version == 4

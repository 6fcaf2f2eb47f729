"""The app's HTTP behaviour that needs no database: errors, request ids, headers, docs.

A unit test kept beside the in-process layers rather than in tests/unit, so a
project with integration tests only runs it too. pytest-django refuses any query
from these tests (none asks for `db`); the `/probe/...` routes exist only in
tests (tests/probe_urls.py).
"""

import logging
import uuid
from collections.abc import Iterator
from http import HTTPStatus

import httpx2
import pytest
from django.conf import settings
from django.db import DatabaseError
from django.test import override_settings

from acme_api.core import views

from tests.app_client import app_client
from tests.probe_urls import CONFLICT, CRASH_MESSAGE

pytestmark = pytest.mark.unit

PROBLEM = "application/problem+json"
INVALID = "The request is invalid; see errors."
CORS = "corsheaders.middleware.CorsMiddleware"


@pytest.fixture
def client() -> Iterator[httpx2.Client]:
    with app_client() as client:
        yield client


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


def test_health_answers_without_the_database(client: httpx2.Client) -> None:
    response = client.get("/health")
    assert (response.status_code, response.json()) == (200, {"status": "ok"})


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
    assert not any(path.startswith("/probe") for path in document["paths"])
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert docs.headers["content-type"].startswith("text/html")


def test_unknown_path(client: httpx2.Client) -> None:
    _assert_problem(client.get("/api/v1/nothing"), 404, "/api/v1/nothing")


def test_a_trailing_slash_is_another_path(client: httpx2.Client) -> None:
    _assert_problem(client.get("/health/"), 404, "/health/")


def test_wrong_method(client: httpx2.Client) -> None:
    response = client.post("/ready")
    _assert_problem(response, 405, "/ready")
    assert "GET" in response.headers["allow"]


def test_invalid_query(client: httpx2.Client) -> None:
    response = client.post("/probe/notes?limit=101", json={"title": "ok"})
    body = _assert_problem(response, 422, "/probe/notes")
    assert body["errors"] == [
        {"field": "limit", "message": "Ensure this value is less than or equal to 100."},
    ]


def test_invalid_fields_are_listed_by_their_dotted_paths(client: httpx2.Client) -> None:
    response = client.post("/probe/notes", json={"tags": ["ok", 7]})
    body = _assert_problem(response, 422, "/probe/notes")
    assert body["detail"] == INVALID
    assert body["errors"] == [
        {"field": "title", "message": "This field is required."},
        {"field": "tags.1", "message": "Not a valid string."},
    ]


def test_errors_in_a_list_of_objects_are_numbered(client: httpx2.Client) -> None:
    body = {"title": "ok", "links": [{"url": "https://example.com"}, {"url": "no"}]}
    response = client.post("/probe/notes", json=body)
    problem = _assert_problem(response, 422, "/probe/notes")
    assert problem["errors"] == [{"field": "links.1.url", "message": "Enter a valid URL."}]


def test_a_time_without_its_offset_is_refused(client: httpx2.Client) -> None:
    response = client.post("/probe/notes", json={"title": "ok", "due": "2030-01-01T09:00:00"})
    problem = _assert_problem(response, 422, "/probe/notes")
    assert problem["errors"] == [{"field": "due", "message": "Input should have timezone info"}]
    kept = client.post("/probe/notes", json={"title": "ok", "due": "2030-01-01T09:00:00+02:00"})
    assert kept.json()["due"] == "2030-01-01T07:00:00Z"


def test_an_unknown_field_is_refused(client: httpx2.Client) -> None:
    response = client.post("/probe/notes", json={"title": "ok", "colour": "red"})
    body = _assert_problem(response, 422, "/probe/notes")
    assert body["errors"] == [{"field": "colour", "message": "Unknown field."}]


def test_a_valid_body_passes(client: httpx2.Client) -> None:
    response = client.post("/probe/notes", json={"title": "hello"})
    assert (response.status_code, response.json()) == (201, {"title": "hello", "tags": []})


@pytest.mark.parametrize("content", [b"{not json", b"\xff\xfe{"])
def test_a_body_that_is_not_json_is_a_422(client: httpx2.Client, content: bytes) -> None:
    headers = {"content-type": "application/json"}
    response = client.post("/probe/notes", content=content, headers=headers)
    body = _assert_problem(response, 422, "/probe/notes")
    assert body["errors"] == [{"field": "body", "message": "The body is not valid JSON."}]


def test_a_body_that_is_not_an_object_is_a_422(client: httpx2.Client) -> None:
    response = client.post("/probe/notes", json=["a", "list"])
    body = _assert_problem(response, 422, "/probe/notes")
    assert body["errors"] == [
        {"field": "body", "message": "Invalid data. Expected a dictionary, but got list."}
    ]


@pytest.mark.parametrize(
    ("name", "status", "detail"),
    [
        ("conflict", 409, CONFLICT),
        ("forbidden", 403, None),
        ("missing", 404, None),
        ("invalid", 422, INVALID),
        ("not-json", 422, INVALID),
    ],
)
def test_what_a_view_raises_is_its_problem(
    client: httpx2.Client, name: str, status: int, detail: str | None
) -> None:
    path = f"/probe/raise/{name}"
    body = _assert_problem(client.get(path), status, path)
    assert body.get("detail") == detail


def test_a_throttled_client_is_told_when_to_retry(client: httpx2.Client) -> None:
    response = client.get("/probe/raise/throttled")
    _assert_problem(response, 429, "/probe/raise/throttled")
    assert response.headers["retry-after"] == "7"


def test_an_anonymous_request_is_told_how_to_authenticate(client: httpx2.Client) -> None:
    response = client.get("/probe/authenticated")
    body = _assert_problem(response, 401, "/probe/authenticated")
    assert response.headers["www-authenticate"] == "Bearer"
    assert body["detail"] == "Authentication required: send `Authorization: Bearer <token>`."


@pytest.mark.parametrize(("name", "status"), [("bad-request", 400), ("forbidden", 403)])
def test_djangos_own_errors_are_problems_too(client: httpx2.Client, name: str, status: int) -> None:
    path = f"/probe/django/{name}"
    _assert_problem(client.get(path), status, path)


@pytest.mark.parametrize("path", ["/probe/raise/crash", "/probe/django/crash"])
def test_an_unhandled_exception_is_a_bare_500_and_logged(
    client: httpx2.Client, caplog: pytest.LogCaptureFixture, path: str
) -> None:
    with caplog.at_level(logging.ERROR):
        response = client.get(path, headers={"X-Request-ID": "crash-1"})
    _assert_problem(response, 500, path)
    assert CRASH_MESSAGE not in response.text
    assert "Traceback" not in response.text
    assert any(record.exc_info for record in caplog.records)


def test_a_body_over_the_limit_is_a_413(client: httpx2.Client) -> None:
    response = client.post("/probe/notes", content=b"x" * (1_048_576 + 1))
    _assert_problem(response, 413, "/probe/notes")
    assert response.headers["x-content-type-options"] == "nosniff"


def test_every_response_is_neither_sniffed_nor_cached(client: httpx2.Client) -> None:
    for response in (client.get("/health"), client.get("/api/v1/nothing")):
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["cache-control"] == "no-store"


@pytest.mark.parametrize("path", ["/health", "/nowhere", "/probe/raise/crash"])
def test_a_valid_request_id_is_echoed_on_every_response(client: httpx2.Client, path: str) -> None:
    response = client.get(path, headers={"X-Request-ID": "client-7.a_b"})
    assert response.headers["x-request-id"] == "client-7.a_b"


@pytest.mark.parametrize("incoming", ["", "x" * 129, "white space", 'quote"d'])
def test_an_invalid_request_id_is_replaced_by_a_uuid(client: httpx2.Client, incoming: str) -> None:
    returned = client.get("/health", headers={"X-Request-ID": incoming}).headers["x-request-id"]
    assert uuid.UUID(returned).version == 4


def test_the_configured_origins_and_no_others_may_call_the_api() -> None:
    # As config/settings.py has it when CORS_ORIGINS is set (read once, at start).
    cors = {
        "MIDDLEWARE": [CORS, *settings.MIDDLEWARE],
        "CORS_ALLOWED_ORIGINS": ["https://web.example"],
    }
    asks = {"Access-Control-Request-Method": "GET"}
    with override_settings(**cors), app_client() as client:
        allowed = client.options("/health", headers={"Origin": "https://web.example", **asks})
        other = client.options("/health", headers={"Origin": "https://evil.example", **asks})
    assert allowed.headers["access-control-allow-origin"] == "https://web.example"
    assert "access-control-allow-origin" not in other.headers

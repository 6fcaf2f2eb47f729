"""The app's HTTP behaviour that needs no database: errors, request ids, docs."""

import logging
from collections.abc import Iterator
from http import HTTPStatus
from pathlib import Path

import httpx2
import pytest

from acme_api.core.logs import ACCESS_LOGGER
from acme_api.core.settings import Settings

from tests.app_client import CRASH_MESSAGE, app_client

PROBLEM = "application/problem+json"


@pytest.fixture
def client(tmp_path: Path) -> Iterator[httpx2.Client]:
    # A database that cannot be opened: these tests must not need one.
    unreachable = f"sqlite:///{tmp_path / 'missing' / 'app.db'}"
    settings = Settings(database_url=unreachable, cors_origins=("https://web.example",))
    with app_client(settings) as client:
        yield client


def test_health_answers_without_the_database(client: httpx2.Client) -> None:
    response = client.get("/health")
    assert (response.status_code, response.json()) == (200, {"status": "ok"})


def test_ready_is_503_when_the_database_is_unreachable(client: httpx2.Client) -> None:
    response = client.get("/ready")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "checks": {"database": "unavailable"}}


def test_unknown_path_is_a_404_problem(client: httpx2.Client) -> None:
    response = client.get("/nowhere", headers={"X-Request-ID": "req-1"})
    assert response.status_code == 404
    assert response.headers["content-type"] == PROBLEM
    assert response.json() == {
        "type": "about:blank",
        "title": "Not Found",
        "status": 404,
        "instance": "/nowhere",
        "request_id": "req-1",
    }


def test_a_trailing_slash_is_not_redirected(client: httpx2.Client) -> None:
    assert client.get("/health/").status_code == 404


def test_wrong_method_is_a_405_problem_with_allow(client: httpx2.Client) -> None:
    response = client.delete("/health")
    assert response.status_code == 405
    # HEAD is GET without the body; whether Allow names it is the framework's choice.
    assert response.headers["allow"] in ("GET", "GET, HEAD")
    assert response.json()["title"] == "Method Not Allowed"


def test_http_exception_detail_is_kept(client: httpx2.Client) -> None:
    response = client.get("/probe/conflict")
    assert response.status_code == 409
    assert response.json()["detail"] == "That note already exists."


def test_validation_errors_name_the_dotted_field(client: httpx2.Client) -> None:
    # The body and the query are each checked; each error names its field.
    for query, fields in (("", {"title", "tags.1"}), ("?limit=0", {"limit"})):
        valid = not query
        body = {"title": "", "tags": ["ok", 3]} if valid else {"title": "ok"}
        response = client.post(f"/probe/notes{query}", json=body)
        assert response.status_code == 422
        assert response.headers["content-type"] == PROBLEM
        problem = response.json()
        assert problem["title"] == HTTPStatus(422).phrase
        assert {error["field"] for error in problem["errors"]} == fields
        assert all(error["message"] for error in problem["errors"])


def test_malformed_json_is_a_problem(client: httpx2.Client) -> None:
    response = client.post(
        "/probe/notes", content=b'{"title": ', headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "body", "message": "The body is not valid JSON."}
    ]


def test_a_crash_is_a_500_problem_that_leaks_nothing(
    client: httpx2.Client, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR):
        response = client.get("/probe/crash", headers={"X-Request-ID": "crash-1"})
    assert response.status_code == 500
    assert response.headers["x-request-id"] == "crash-1"
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["request_id"] == "crash-1"
    assert CRASH_MESSAGE not in response.text
    [logged] = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert getattr(logged, "request_id", None) == "crash-1"
    assert logged.exc_info is not None


def test_every_response_has_a_request_id(client: httpx2.Client) -> None:
    assert (
        client.get("/health", headers={"X-Request-ID": "abc.DEF_1-2"}).headers["x-request-id"]
        == "abc.DEF_1-2"
    )
    replaced = client.get("/nowhere", headers={"X-Request-ID": "bad id!"}).headers["x-request-id"]
    assert replaced != "bad id!"
    assert len(replaced) == 36


def test_one_access_log_line_per_request(
    client: httpx2.Client, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger=ACCESS_LOGGER):
        client.get("/health?token=secret", headers={"X-Request-ID": "log-1"})
    [line] = [r for r in caplog.records if r.name == ACCESS_LOGGER]
    fields = {k: getattr(line, k) for k in ("request_id", "method", "path", "status")}
    assert fields == {"request_id": "log-1", "method": "GET", "path": "/health", "status": 200}
    assert isinstance(getattr(line, "duration_ms", None), float)
    assert "secret" not in caplog.text


def test_cors_allows_the_configured_origin_only(client: httpx2.Client) -> None:
    allowed = client.get("/health", headers={"Origin": "https://web.example"})
    assert allowed.headers["access-control-allow-origin"] == "https://web.example"
    other = client.get("/health", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in other.headers


def test_a_cors_preflight_from_the_configured_origin_is_answered(client: httpx2.Client) -> None:
    asks = {
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type",
    }
    preflight = client.options("/health", headers={"Origin": "https://web.example", **asks})
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "https://web.example"
    assert "POST" in preflight.headers["access-control-allow-methods"]
    other = client.options("/health", headers={"Origin": "https://evil.example", **asks})
    assert "access-control-allow-origin" not in other.headers


def test_openapi_and_docs_are_served(client: httpx2.Client) -> None:
    schema = client.get("/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    assert {"/health", "/ready"} <= set(schema["paths"])
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "text/html" in docs.headers["content-type"]

"""The contract's HTTP behaviour, against a real server process."""

import json
import uuid

import httpx2

from tests.e2e.conftest import ALLOWED_ORIGIN, Server


def test_health(client: httpx2.Client) -> None:
    response = client.get("/health")
    assert (response.status_code, response.json()) == (200, {"status": "ok"})
    assert response.headers["x-request-id"]
    # HEAD, the probe some load balancers send: the same answer without its body.
    head = client.head("/health")
    assert (head.status_code, head.content) == (200, b"")


def test_ready_reaches_the_database(client: httpx2.Client) -> None:
    response = client.get("/ready")
    assert (response.status_code, response.json()) == (
        200,
        {"status": "ok", "checks": {"database": "ok"}},
    )


def test_request_ids_are_echoed_or_replaced(client: httpx2.Client) -> None:
    echoed = client.get("/health", headers={"X-Request-ID": "e2e-1"})
    assert echoed.headers["x-request-id"] == "e2e-1"
    replaced = client.get("/health", headers={"X-Request-ID": "no spaces allowed"})
    assert uuid.UUID(replaced.headers["x-request-id"]).version == 4


def test_errors_are_problem_details(client: httpx2.Client) -> None:
    missing = client.get("/api/v1/missing", headers={"X-Request-ID": "e2e-404"})
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"
    assert missing.json() == {
        "type": "about:blank",
        "title": "Not Found",
        "status": 404,
        "instance": "/api/v1/missing",
        "request_id": "e2e-404",
    }
    wrong_method = client.put("/health")
    assert wrong_method.status_code == 405
    assert wrong_method.json()["status"] == 405


def test_docs_are_served(client: httpx2.Client) -> None:
    schema = client.get("/openapi.json")
    assert schema.status_code == 200
    assert schema.json()["openapi"].startswith("3.")
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "text/html" in docs.headers["content-type"]


def test_production_logs_one_json_line_per_request_without_secrets(
    server: Server, client: httpx2.Client
) -> None:
    client.get(
        "/ready?code=oauth-code",
        headers={"X-Request-ID": "e2e-log", "Authorization": "Bearer top-secret", "Cookie": "s=1"},
    )
    entries = [json.loads(line) for line in server.wait_for_log('"e2e-log"')]
    [access] = [e for e in entries if e.get("request_id") == "e2e-log" and "status" in e]
    assert access["method"] == "GET"
    assert access["path"] == "/ready"
    assert access["status"] == 200
    assert access["duration_ms"] >= 0
    assert {"timestamp", "level", "message"} <= set(access)
    text = server.log.read_text()
    assert "top-secret" not in text
    assert "oauth-code" not in text


def test_the_configured_origin_may_call_from_a_browser(client: httpx2.Client) -> None:
    preflight = client.options(
        "/ready",
        headers={"Origin": ALLOWED_ORIGIN, "Access-Control-Request-Method": "GET"},
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == ALLOWED_ORIGIN
    assert preflight.headers["x-request-id"]


def test_a_body_over_the_limit_is_413_and_no_response_is_sniffed_or_cached(
    client: httpx2.Client,
) -> None:
    # One byte over the default MAX_BODY_BYTES (1 MiB): refused before routing or parsing.
    response = client.post("/health", content=b"x" * (1_048_576 + 1))
    assert response.status_code == 413
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["cache-control"] == "no-store"

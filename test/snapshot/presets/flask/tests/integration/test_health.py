from pathlib import Path

import httpx2

from acme_api.core.settings import Settings

from tests.app_client import app_client


def test_health(client: httpx2.Client) -> None:
    response = client.get("/health")
    assert (response.status_code, response.json()) == (200, {"status": "ok"})


def test_ready_checks_the_database(client: httpx2.Client) -> None:
    response = client.get("/ready")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok"}}


def test_openapi_documents_the_ready_failure(client: httpx2.Client) -> None:
    ready = client.get("/openapi.json").json()["paths"]["/ready"]["get"]
    assert {"200", "503"} <= set(ready["responses"])


def test_ready_is_503_when_the_database_cannot_be_reached(tmp_path: Path) -> None:
    gone = f"sqlite:///{tmp_path / 'no-such-folder' / 'app.db'}"
    with app_client(Settings(database_url=gone)) as client:
        response = client.get("/ready")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "checks": {"database": "unavailable"}}

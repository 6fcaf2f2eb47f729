%%% if orm=sqlalchemy
from pathlib import Path
%%% end
%%% if orm=django
"""What needs the database, through Django's test client, on the test database.
%%% end

%%% if orm=django
What needs none (errors, request ids, headers, docs) is tests/test_app.py's,
which runs in this layer's projects too.
"""

%%% end
import httpx2

%%% if orm=sqlalchemy
from acme_api.core.settings import Settings
%%% end

%%% if orm=sqlalchemy
from tests.app_client import app_client


%%% end
def test_health(client: httpx2.Client) -> None:
    response = client.get("/health")
    assert (response.status_code, response.json()) == (200, {"status": "ok"})


def test_ready_checks_the_database(client: httpx2.Client) -> None:
    response = client.get("/ready")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok"}}

%%% if orm=sqlalchemy

def test_openapi_documents_the_ready_failure(client: httpx2.Client) -> None:
    ready = client.get("/openapi.json").json()["paths"]["/ready"]["get"]
    assert {"200", "503"} <= set(ready["responses"])


def test_ready_is_503_when_the_database_cannot_be_reached(tmp_path: Path) -> None:
    gone = f"sqlite:///{tmp_path / 'no-such-folder' / 'app.db'}"
    with app_client(Settings(database_url=gone)) as client:
        response = client.get("/ready")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "checks": {"database": "unavailable"}}

%%% end
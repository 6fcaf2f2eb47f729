"""What needs the database, through Django's test client, on the test database.

What needs none (errors, request ids, headers, docs) is tests/test_app.py's,
which runs in this layer's projects too.
"""

import httpx2


def test_health(client: httpx2.Client) -> None:
    response = client.get("/health")
    assert (response.status_code, response.json()) == (200, {"status": "ok"})


def test_ready_checks_the_database(client: httpx2.Client) -> None:
    response = client.get("/ready")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok"}}

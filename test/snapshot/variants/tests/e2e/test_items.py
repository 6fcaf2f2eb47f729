"""`/api/v1/items` over HTTP, against the served app."""

import signal
import socket
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx2
import pytest

from tests.e2e.conftest import (
    Server,
    command_env,
    http_client,
    started_server,
    wait_until_healthy,
)
from tests.resources import valid_body

PATH = "/api/v1/items"
REQUIRED = "title"
CHANGED = "changed"
# The shortest grace SHUTDOWN_GRACE_SECONDS takes above none, and the time the server is
# given to read what was sent (and, after the signal, to begin its shutdown): well inside it.
GRACE_SECONDS = 1
SETTLE_SECONDS = 0.3


@pytest.fixture(scope="module", autouse=True)
def server_to_stop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server of its own for the test that stops it, with the shortest grace period.

    Started with the module and not waited for: it boots while the tests before
    that one run against the shared server.
    """
    tmp_path = tmp_path_factory.mktemp("items_stop")
    env = command_env(tmp_path, SHUTDOWN_GRACE_SECONDS=str(GRACE_SECONDS))
    with started_server(env, tmp_path / "serve.log") as server:
        yield server


def test_item_lifecycle_over_http(
    client: httpx2.Client,
    headers: dict[str, str],
) -> None:
    created = client.post(PATH, json=valid_body(client, headers, PATH), headers=headers)
    assert created.status_code == 201, created.text
    url = created.headers["location"]
    assert client.get(url, headers=headers).json() == created.json()
    listed = client.get(PATH, params={"limit": 100}, headers=headers).json()
    assert created.json()["id"] in [row["id"] for row in listed["items"]]
    changed = client.patch(url, json={REQUIRED: CHANGED}, headers=headers)
    assert changed.json()[REQUIRED] == CHANGED
    assert client.delete(url, headers=headers).status_code == 204
    assert client.get(url, headers=headers).status_code == 404


def test_unknown_fields_are_refused(client: httpx2.Client, headers: dict[str, str]) -> None:
    body = {**valid_body(client, headers, PATH), "id": 1}
    response = client.post(PATH, json=body, headers=headers)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "id"


def test_a_nul_character_is_refused(client: httpx2.Client, headers: dict[str, str]) -> None:
    body = valid_body(client, headers, PATH)
    body["title"] = "before\u0000after"
    response = client.post(PATH, json=body, headers=headers)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "title"


def test_sixty_parallel_requests_answer_and_keep_every_write(
    server: Server, headers: dict[str, str]
) -> None:
    def request(n: int) -> tuple[int, dict[str, Any] | None]:
        with http_client(server.url, timeout=30) as own:
            if n % 2:
                return own.get(PATH, headers=headers).status_code, None
            created = own.post(PATH, json=valid_body(own, headers, PATH), headers=headers)
            return created.status_code, created.json()

    with ThreadPoolExecutor(max_workers=60) as pool:
        answers = list(pool.map(request, range(60)))
    assert sorted({status for status, _ in answers}) == [200, 201]
    acknowledged = [row for status, row in answers if status == 201 and row is not None]
    assert len(acknowledged) == 30
    assert len({row["id"] for row in acknowledged}) == 30  # each write stored once
    with http_client(server.url, timeout=30) as own:
        for row in acknowledged:
            assert own.get(f"{PATH}/{row['id']}", headers=headers).json() == row


def test_a_request_in_flight_when_sigterm_comes_is_answered(server_to_stop: Server) -> None:
    wait_until_healthy(server_to_stop)
    host, port = server_to_stop.url.removeprefix("http://").split(":")
    head = f"POST {PATH} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
    head += "Content-Length: 15\r\n\r\n"  # for "not json at all"
    with (
        socket.create_connection((host, int(port)), timeout=10) as finishing,
        socket.create_connection((host, int(port)), timeout=10) as stalled,
    ):
        for connection in (finishing, stalled):
            connection.sendall(head.encode() + b"not ")  # the app now waits for the rest
        time.sleep(SETTLE_SECONDS)
        server_to_stop.process.send_signal(signal.SIGTERM)
        signalled = time.monotonic()
        time.sleep(SETTLE_SECONDS)
        finishing.sendall(b"json at all")  # not JSON: 422, whatever the route does next
        assert finishing.recv(4096).startswith(b"HTTP/1.1 422")
        # The one that never finishes its body is given the grace period, then dropped.
        assert server_to_stop.process.wait(timeout=10) == 0
        assert time.monotonic() - signalled >= 0.75 * GRACE_SECONDS

"""`/api/v1/items` over HTTP, against the served app."""

import signal
import socket
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx2

from tests.e2e.conftest import Server, command_env, http_client, running_server
from tests.resources import valid_body

PATH = "/api/v1/items"
REQUIRED = "title"
CHANGED = "changed"


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


def test_a_request_in_flight_when_sigterm_comes_is_answered(tmp_path: Path) -> None:
    env = command_env(tmp_path, SHUTDOWN_GRACE_SECONDS="2")
    with running_server(env, tmp_path / "serve.log") as server:
        host, port = server.url.removeprefix("http://").split(":")
        head = f"POST {PATH} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        head += "Content-Length: 15\r\n\r\n"  # for "not json at all"
        with (
            socket.create_connection((host, int(port)), timeout=10) as finishing,
            socket.create_connection((host, int(port)), timeout=10) as stalled,
        ):
            for connection in (finishing, stalled):
                connection.sendall(head.encode() + b"not ")  # the app now waits for the rest
            time.sleep(0.5)
            server.process.send_signal(signal.SIGTERM)
            signalled = time.monotonic()
            time.sleep(0.5)
            finishing.sendall(b"json at all")  # not JSON: 422, whatever the route does next
            assert finishing.recv(4096).startswith(b"HTTP/1.1 422")
            # The one that never finishes its body is given the grace period, then dropped.
            assert server.process.wait(timeout=10) == 0
            assert time.monotonic() - signalled >= 1.5

"""`serve` without a real server: gunicorn's run is replaced by a stand-in.

A unit test kept beside the in-process layers rather than in tests/unit, so a
project with integration tests only runs it too: only served e2e requests would
otherwise reach `core/serve.py` and `core/worker.py`.
"""

import socket
import time
from collections.abc import Iterator

import pytest
from flask import Flask

from acme_api.core.serve import Server, serve
from acme_api.core.settings import Settings
from acme_api.core.worker import (
    HEAD_TOO_LARGE,
    MAX_HEAD_BYTES,
    REQUEST_TIMEOUT,
    BoundedHeadWorker,
    HeadDeadlineSocket,
)

pytestmark = pytest.mark.unit


def test_serve_runs_gunicorn_as_the_settings_say(monkeypatch: pytest.MonkeyPatch) -> None:
    servers: list[Server] = []
    monkeypatch.setattr(Server, "run", lambda self: servers.append(self))
    settings = Settings(
        host="::1",
        port=8123,
        web_concurrency=3,
        headers_timeout_seconds=3,
        shutdown_grace_seconds=4,
    )

    serve(settings)

    [server] = servers
    config = server.cfg
    assert (config.address, config.workers) == ([("::1", 8123)], 3)
    # Slow clients are dropped, and a stop waits for the requests in flight, but not forever.
    assert issubclass(config.worker_class, BoundedHeadWorker)
    assert config.worker_class.head_timeout_seconds == 3
    assert config.limit_request_field_size == MAX_HEAD_BYTES
    assert config.graceful_timeout == 4
    assert config.control_socket_disable
    assert isinstance(server.load(), Flask)


@pytest.mark.parametrize(("code", "stops"), [(0, False), (None, False), (3, True)])
def test_serve_returns_on_a_clean_exit_only(
    monkeypatch: pytest.MonkeyPatch, code: int | None, stops: bool
) -> None:
    def run(_server: Server) -> None:
        raise SystemExit(code)

    monkeypatch.setattr(Server, "run", run)
    if stops:
        with pytest.raises(SystemExit):
            serve(Settings())
    else:
        serve(Settings())


@pytest.fixture
def pair() -> Iterator[tuple[socket.socket, socket.socket]]:
    server, client = socket.socketpair()
    with server, client:
        yield server, client


def test_a_head_in_time_is_read_then_the_socket_is_its_own(
    pair: tuple[socket.socket, socket.socket],
) -> None:
    server, client = pair
    head = HeadDeadlineSocket(server)
    head.head_starts(time.monotonic() + 5)
    client.sendall(b"GET / HTTP/1.1\r\n")
    assert head.recv(100) == b"GET / HTTP/1.1\r\n"
    head.head_done()
    client.sendall(b"body")
    assert head.recv(100) == b"body"
    assert head.fileno() == server.fileno()


def test_a_slow_head_is_408(pair: tuple[socket.socket, socket.socket]) -> None:
    server, client = pair
    head = HeadDeadlineSocket(server)
    head.head_starts(time.monotonic() + 0.05)
    assert head.recv(100) == b""
    assert client.recv(100) == REQUEST_TIMEOUT
    head.head_starts(time.monotonic() - 1)
    assert head.recv(100) == b""


def test_a_head_past_the_limit_is_431(pair: tuple[socket.socket, socket.socket]) -> None:
    server, client = pair
    head = HeadDeadlineSocket(server)
    head.head_starts(time.monotonic() + 5)
    chunk = b"a" * 8192
    for _ in range(MAX_HEAD_BYTES // len(chunk)):
        client.sendall(chunk)
        assert head.recv(len(chunk)) == chunk
    client.sendall(b"a")
    assert head.recv(10) == b""
    assert client.recv(100) == HEAD_TOO_LARGE

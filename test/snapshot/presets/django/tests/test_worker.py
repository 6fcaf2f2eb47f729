"""The gunicorn worker's request heads, driven in-process over socket pairs.

A unit test kept beside the in-process layers rather than in tests/unit, so a
project with integration tests only runs it too: only served e2e requests would
otherwise reach `core/worker.py`. The worker is gunicorn's own, given a tiny
WSGI app; no process is forked and no port is opened.
"""

import os
import selectors
import socket
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import pytest

# gunicorn ships no type information.
from gunicorn.config import Config  # type: ignore[import-untyped]
from gunicorn.glogging import Logger  # type: ignore[import-untyped]
from gunicorn.workers import gthread  # type: ignore[import-untyped]

from acme_api.core.worker import (
    HEAD_TOO_LARGE,
    MAX_HEAD_BYTES,
    REQUEST_TIMEOUT,
    BoundedHeadWorker,
    HeadDeadlineSocket,
    with_head_timeout,
)

pytestmark = pytest.mark.unit

CLIENT, SERVER = ("127.0.0.1", 50000), ("127.0.0.1", 8000)
REQUEST = b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"


def _hello(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
    start_response("200 OK", [("Content-Length", "5")])
    return [b"hello"]


@pytest.fixture
def pair() -> Iterator[tuple[socket.socket, socket.socket]]:
    server, client = socket.socketpair()
    client.settimeout(5)
    with server, client:
        yield server, client


@pytest.fixture
def make_worker() -> Iterator[Callable[[float], BoundedHeadWorker]]:
    """Workers with this head deadline; their temp file and poller are closed afterwards."""
    made: list[BoundedHeadWorker] = []

    def make(head_timeout: float) -> BoundedHeadWorker:
        config = Config()
        worker: BoundedHeadWorker = with_head_timeout(head_timeout)(
            0, os.getpid(), [], None, 30, config, Logger(config)
        )
        worker.wsgi = _hello
        worker.poller = selectors.DefaultSelector()
        made.append(worker)
        return worker

    yield make
    for worker in made:
        worker.poller.close()
        worker.tmp.close()


def _connection(worker: BoundedHeadWorker, sock: socket.socket) -> Any:
    return gthread.TConn(worker.cfg, sock, CLIENT, SERVER)


def test_a_head_in_time_is_served_and_the_connection_kept(
    pair: tuple[socket.socket, socket.socket], make_worker: Callable[[float], BoundedHeadWorker]
) -> None:
    server, client = pair
    worker = make_worker(5)
    conn = _connection(worker, server)
    client.sendall(REQUEST)

    assert worker.handle(conn) is True
    assert client.recv(1000).startswith(b"HTTP/1.1 200 OK")
    # The next request's head is timed from its own first byte, and the body reads are unbounded.
    assert conn.head_deadline is None
    assert conn.head_socket.deadline is None


def test_a_connection_that_sends_nothing_in_time_is_408(
    pair: tuple[socket.socket, socket.socket], make_worker: Callable[[float], BoundedHeadWorker]
) -> None:
    server, client = pair
    worker = make_worker(0.05)

    assert worker.handle(_connection(worker, server)) is False
    assert client.recv(1000) == REQUEST_TIMEOUT


def test_a_head_that_stops_halfway_is_408(
    pair: tuple[socket.socket, socket.socket], make_worker: Callable[[float], BoundedHeadWorker]
) -> None:
    server, client = pair
    worker = make_worker(0.1)
    client.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")

    assert worker.handle(_connection(worker, server)) is False
    assert client.recv(1000) == REQUEST_TIMEOUT


def test_a_quiet_connection_is_parked_then_refused_at_its_deadline(
    monkeypatch: pytest.MonkeyPatch,
    pair: tuple[socket.socket, socket.socket],
    make_worker: Callable[[float], BoundedHeadWorker],
) -> None:
    server, client = pair
    monkeypatch.setattr(gthread, "DEFAULT_WORKER_DATA_TIMEOUT", 0.01)
    worker = make_worker(0.2)
    conn = _connection(worker, server)

    # Quiet past gunicorn's data wait, within its own deadline: back to the poller, no thread held.
    assert worker.handle(conn) is gthread._DEFER
    worker.pending_conns.append(conn)
    worker.poller.register(server, selectors.EVENT_READ)
    worker.nr_conns = 1
    worker.murder_pending()
    assert list(worker.pending_conns) == [conn]

    time.sleep(0.25)
    worker.murder_pending()
    assert not worker.pending_conns
    assert worker.nr_conns == 0
    assert client.recv(1000) == REQUEST_TIMEOUT


def test_a_stop_refuses_parked_connections_and_ends_idle_ones_now(
    pair: tuple[socket.socket, socket.socket], make_worker: Callable[[float], BoundedHeadWorker]
) -> None:
    server, client = pair
    worker = make_worker(60)
    parked = _connection(worker, server)
    parked.head_deadline = time.monotonic() + 60
    worker.pending_conns.append(parked)
    worker.nr_conns = 1
    idle = _connection(worker, socket.socket())
    idle.timeout = time.monotonic() + 60
    worker.keepalived_conns.append(idle)
    worker.alive = False

    worker.murder_pending()
    worker._cap_keepalive(time.monotonic() + 2)

    assert client.recv(1000) == REQUEST_TIMEOUT
    assert worker.nr_conns == 0
    assert idle.timeout <= time.monotonic()
    idle.close()


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

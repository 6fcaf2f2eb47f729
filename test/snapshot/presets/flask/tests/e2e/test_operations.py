"""The operations entry point as an operator uses it: exit codes, messages, signals."""

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import PACKAGE
from tests.e2e.conftest import (
    STARTUP_SECONDS,
    Server,
    command_env,
    run_command,
    started_server,
    wait_until_healthy,
)

# Each worker is a process of its own importing the app: more to start.
WORKERS_STARTUP_SECONDS = 3 * STARTUP_SECONDS


@pytest.fixture(scope="module", autouse=True)
def booting_operations_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One server for the checks that need other settings than the shared one's.

    Two workers, console logs, a one-second deadline for request heads and a
    database it cannot reach. Started with the module and not waited for: it
    boots while the command-line checks, first in the module, run beside it. At
    the end it is stopped as a process manager stops it: SIGTERM, exit 0, no traceback.
    """
    tmp_path = tmp_path_factory.mktemp("operations")
    env = command_env(
        tmp_path,
        WEB_CONCURRENCY="2",
        LOG_FORMAT="console",
        HEADERS_TIMEOUT_SECONDS="1",
        DATABASE_URL=f"sqlite:///{tmp_path / 'missing' / 'app.db'}",
    )
    with started_server(env, tmp_path / "serve.log") as server:
        yield server
        wait_until_healthy(server, WORKERS_STARTUP_SECONDS)
        assert server.stop() == 0
    assert "Traceback" not in server.log.read_text()


@pytest.fixture
def operations_server(booting_operations_server: Server) -> Server:
    wait_until_healthy(booting_operations_server, WORKERS_STARTUP_SECONDS)
    return booting_operations_server


def test_production_without_a_secret_key_refuses_to_start(tmp_path: Path) -> None:
    result = run_command(tmp_path, command_env(tmp_path, APP_ENV="production"), "serve")
    assert result.returncode == 1
    assert result.stderr == (
        "error: SECRET_KEY must be set to a private value when APP_ENV=production\n"
    )


def test_an_invalid_setting_is_one_line(tmp_path: Path) -> None:
    env = command_env(tmp_path, DATABASE_URL="postgres://u:pw@db/x")
    result = run_command(tmp_path, env, "migrate")
    assert result.returncode == 1
    assert result.stderr.startswith("error: DATABASE_URL: must look like")
    assert len(result.stderr.splitlines()) == 1


def test_migrate_that_cannot_open_its_database_says_why_in_one_line(tmp_path: Path) -> None:
    unreachable = f"sqlite:///{tmp_path / 'missing' / 'app.db'}"
    result = run_command(tmp_path, command_env(tmp_path, DATABASE_URL=unreachable), "migrate")
    assert result.returncode == 1
    assert result.stderr.startswith("error: cannot migrate the database at DATABASE_URL: ")
    assert len(result.stderr.splitlines()) == 1


def test_an_unknown_command_is_a_usage_error(tmp_path: Path) -> None:
    result = run_command(tmp_path, command_env(tmp_path), "deploy")
    assert result.returncode == 2
    assert f"usage: python -m {PACKAGE}" in result.stderr


def _children(pid: int) -> list[str]:
    """The processes `pid` started (pgrep, on Linux and macOS alike)."""
    pgrep = shutil.which("pgrep")
    assert pgrep is not None, "pgrep (procps) counts the workers"
    found = subprocess.run([pgrep, "-P", str(pid)], capture_output=True, text=True, check=False)
    return found.stdout.split()


def test_web_concurrency_serves_from_that_many_workers(operations_server: Server) -> None:
    deadline = time.monotonic() + 20
    while len(_children(operations_server.process.pid)) < 2:
        assert time.monotonic() < deadline, _children(operations_server.process.pid)
        time.sleep(0.1)
    # Each worker set itself up from the environment: its access log (console lines are for
    # people: key=value pairs after the message), and its head deadline (the next test).
    response = operations_server.get("/health", headers={"X-Request-ID": "worker"})
    assert response.status_code == 200
    line = "request_id=worker method=GET path=/health status=200"
    assert any(line in logged for logged in operations_server.wait_for_log(line))


def _answer(connection: socket.socket) -> bytes:
    """What the server sends before it closes the connection (nothing, if it resets it)."""
    received = b""
    try:
        while chunk := connection.recv(4096):
            received += chunk
    except ConnectionResetError:
        pass  # closed with part of the request unread: the answer may be lost
    return received


def test_slow_or_oversized_request_heads_are_dropped(operations_server: Server) -> None:
    host, port = operations_server.url.removeprefix("http://").split(":")
    address = (host, int(port))
    with (
        socket.create_connection(address, timeout=10) as silent,
        socket.create_connection(address, timeout=10) as slow,
    ):
        started = time.monotonic()
        slow.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n")
        for _ in range(3):  # a header now and then, never the end of the head
            time.sleep(0.4)
            slow.sendall(b"X-Slow: y\r\n")
        assert _answer(slow).startswith(b"HTTP/1.1 408")
        assert _answer(silent).startswith(b"HTTP/1.1 408")
        assert time.monotonic() - started < 5
    with socket.create_connection(address, timeout=10) as big:
        big.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 100_000)
        assert _answer(big)[:12] in (b"HTTP/1.1 431", b"")
    # Heads that come in time are served as ever.
    assert operations_server.get("/health").status_code == 200


def test_ready_is_503_when_the_database_is_unreachable(operations_server: Server) -> None:
    response = operations_server.get("/ready")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "checks": {"database": "unavailable"}}

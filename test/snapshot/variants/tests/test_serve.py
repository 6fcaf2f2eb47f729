"""`serve` without a real server: uvicorn's run is replaced by a stand-in.

A unit test kept beside the in-process layers rather than in tests/unit, so a
project with integration tests only runs it too: only served e2e requests would
otherwise reach `core/serve.py`.
"""

import signal
from collections.abc import Iterator

import pytest
import uvicorn

from acme_api.core.protocol import BoundedHeadProtocol
from acme_api.core.serve import serve, worker_app
from acme_api.core.settings import Settings

from tests import PACKAGE

pytestmark = pytest.mark.unit


@pytest.fixture(autouse=True)
def restore_signal_handlers() -> Iterator[None]:
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT)}
    yield
    for sig, handler in saved.items():
        signal.signal(sig, handler)


def test_serve_runs_uvicorn_on_host_and_port_and_stops_on_sigterm(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    servers: list[uvicorn.Server] = []
    monkeypatch.setattr(uvicorn.Server, "run", lambda self, sockets=None: servers.append(self))

    serve(Settings(host="0.0.0.0", port=8123, headers_timeout_seconds=3, shutdown_grace_seconds=4))

    [server] = servers
    assert (server.config.host, server.config.port) == ("0.0.0.0", 8123)
    assert server.config.access_log is False
    # Slow clients are dropped, and a stop waits for the requests in flight, but not forever.
    protocol = server.config.http
    assert isinstance(protocol, type)
    assert issubclass(protocol, BoundedHeadProtocol)
    assert protocol.head_timeout_seconds == 3
    assert server.config.timeout_graceful_shutdown == 4
    # What uvicorn finds (and restores) is a handler that asks the server to stop.
    handler = signal.getsignal(signal.SIGTERM)
    assert callable(handler)
    handler(signal.SIGTERM, None)
    assert server.should_exit


def test_web_concurrency_runs_that_many_workers_built_from_import_strings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    runs: list[tuple[str, dict[str, object]]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: runs.append((app, options)))

    serve(Settings(port=8123, web_concurrency=3, shutdown_grace_seconds=4))

    [(app, options)] = runs
    # Spawned workers import what they serve: strings, resolved in each worker.
    assert app == f"{PACKAGE}.core.serve:worker_app"
    assert options["factory"] is True
    assert (options["workers"], options["port"]) == (3, 8123)
    assert options["http"] == f"{PACKAGE}.core.protocol:BoundedHeadProtocol"
    assert options["timeout_graceful_shutdown"] == 4


def test_a_worker_builds_its_app_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(BoundedHeadProtocol, "head_timeout_seconds", 10.0)
    monkeypatch.setenv("HEADERS_TIMEOUT_SECONDS", "2")
    app = worker_app()
    assert app.state.settings.headers_timeout_seconds == 2
    assert BoundedHeadProtocol.head_timeout_seconds == 2

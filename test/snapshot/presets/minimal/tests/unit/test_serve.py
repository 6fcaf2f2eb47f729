"""`serve` without a real server: uvicorn's run is replaced by a stand-in."""

import signal
from collections.abc import Iterator

import pytest
import uvicorn

from acme_api.core.protocol import BoundedHeadProtocol
from acme_api.core.serve import serve
from acme_api.core.settings import Settings


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

%%% if framework=fastapi
"""`serve` without a real server: uvicorn's run is replaced by a stand-in.
%%% end
%%% if framework=flask | framework=django
"""`serve` without a real server: gunicorn's run is replaced by a stand-in.
%%% end

A unit test kept beside the in-process layers rather than in tests/unit, so a
project with integration tests only runs it too: only served e2e requests would
otherwise reach `core/serve.py`.
"""

%%% if framework=fastapi
import signal
from collections.abc import Iterator
%%% end
%%% if framework=flask | framework=django
import logging
%%% end

import pytest
%%% if framework=fastapi
import uvicorn
%%% end

%%% if framework=fastapi
from acme_api.core.protocol import BoundedHeadProtocol
from acme_api.core.serve import serve, worker_app
%%% end
%%% if framework=flask | framework=django
from acme_api.core import serve as serve_module
from acme_api.core.probe import LivenessProbe
from acme_api.core.serve import Server, serve
%%% end
from acme_api.core.settings import Settings
%%% if framework=flask | framework=django
from acme_api.core.worker import MAX_HEAD_BYTES, BoundedHeadWorker
%%% end

%%% if framework=fastapi
from tests import PACKAGE

%%% end
pytestmark = pytest.mark.unit


%%% if framework=fastapi
@pytest.fixture(autouse=True)
def restore_signal_handlers() -> Iterator[None]:
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT)}
    yield
    for sig, handler in saved.items():
        signal.signal(sig, handler)
%%% end
%%% if framework=flask | framework=django
def test_serve_runs_gunicorn_as_the_settings_say(monkeypatch: pytest.MonkeyPatch) -> None:
    servers: list[Server] = []
    monkeypatch.setattr(Server, "run", lambda self: servers.append(self))
    # Each worker makes its app from the settings `serve` was given (tests/test_worker_app.py).
    made_for: list[Settings] = []
    monkeypatch.setattr(serve_module, "worker_app", made_for.append)
    settings = Settings(
        host="::1",
        port=8123,
        web_concurrency=3,
        headers_timeout_seconds=3,
        shutdown_grace_seconds=4,
    )
%%% end

%%% if framework=flask | framework=django
    serve(settings)
%%% end

%%% if framework=fastapi
def test_serve_runs_uvicorn_on_host_and_port_and_stops_on_sigterm(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    servers: list[uvicorn.Server] = []
    monkeypatch.setattr(uvicorn.Server, "run", lambda self, sockets=None: servers.append(self))

    serve(Settings(host="0.0.0.0", port=8123, headers_timeout_seconds=3, shutdown_grace_seconds=4))

%%% end
    [server] = servers
%%% if framework=fastapi
    assert (server.config.host, server.config.port) == ("0.0.0.0", 8123)
    assert server.config.access_log is False
%%% end
%%% if framework=flask | framework=django
    config = server.cfg
    assert (config.address, config.workers) == ([("::1", 8123)], 3)
%%% end
    # Slow clients are dropped, and a stop waits for the requests in flight, but not forever.
%%% if framework=fastapi
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
%%% end
%%% if framework=flask | framework=django
    assert issubclass(config.worker_class, BoundedHeadWorker)
    assert config.worker_class.head_timeout_seconds == 3
    assert config.limit_request_field_size == MAX_HEAD_BYTES
    assert config.graceful_timeout == 4
    assert config.control_socket_disable
    assert not config.preload_app
    # Wrapped in the liveness probe (tests/test_probe.py).
    assert isinstance(server.load(), LivenessProbe)
    assert made_for == [settings]
%%% end


%%% if framework=fastapi
def test_web_concurrency_runs_that_many_workers_built_from_import_strings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    runs: list[tuple[str, dict[str, object]]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: runs.append((app, options)))
%%% end
%%% if framework=flask | framework=django
def test_gunicorns_own_lines_go_through_the_apps_logging(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Server, "run", lambda self: None)
    server = Server(Settings())
    gunicorn_logger = server.cfg.logger_class(server.cfg)
    assert gunicorn_logger.error_log.propagate
    assert not gunicorn_logger.error_log.handlers
    assert gunicorn_logger.error_log.level == logging.NOTSET
    # The app logs one line per request itself, with its id.
    assert gunicorn_logger.access_log.disabled
%%% end

%%% if framework=fastapi
    serve(Settings(port=8123, web_concurrency=3, shutdown_grace_seconds=4))
%%% end

%%% if framework=fastapi
    [(app, options)] = runs
    # Spawned workers import what they serve: strings, resolved in each worker.
    assert app == f"{PACKAGE}.core.serve:worker_app"
    assert options["factory"] is True
    assert (options["workers"], options["port"]) == (3, 8123)
    assert options["http"] == f"{PACKAGE}.core.protocol:BoundedHeadProtocol"
    assert options["timeout_graceful_shutdown"] == 4
%%% end
%%% if framework=flask | framework=django
@pytest.mark.parametrize(("code", "stops"), [(0, False), (None, False), (3, True)])
def test_serve_returns_on_a_clean_exit_only(
    monkeypatch: pytest.MonkeyPatch, code: int | None, stops: bool
) -> None:
    def run(_server: Server) -> None:
        raise SystemExit(code)
%%% end

%%% if framework=flask | framework=django
    monkeypatch.setattr(Server, "run", run)
    if stops:
        with pytest.raises(SystemExit):
            serve(Settings())
    else:
        serve(Settings())
%%% end

%%% if framework=fastapi
def test_a_worker_builds_its_app_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(BoundedHeadProtocol, "head_timeout_seconds", 10.0)
    monkeypatch.setenv("HEADERS_TIMEOUT_SECONDS", "2")
    app = worker_app()
    assert app.state.settings.headers_timeout_seconds == 2
    assert BoundedHeadProtocol.head_timeout_seconds == 2

%%% end
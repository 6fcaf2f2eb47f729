"""`serve` without a real server: gunicorn's run is replaced by a stand-in.

A unit test kept beside the in-process layers rather than in tests/unit, so a
project with integration tests only runs it too: only served e2e requests would
otherwise reach `core/serve.py`.
"""

import logging

import pytest

from acme_api.core import serve as serve_module
from acme_api.core.probe import LivenessProbe
from acme_api.core.serve import Server, serve
from acme_api.core.settings import Settings
from acme_api.core.worker import MAX_HEAD_BYTES, BoundedHeadWorker

pytestmark = pytest.mark.unit


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
    assert not config.preload_app
    # Wrapped in the liveness probe (tests/test_probe.py).
    assert isinstance(server.load(), LivenessProbe)
    assert made_for == [settings]


def test_gunicorns_own_lines_go_through_the_apps_logging(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Server, "run", lambda self: None)
    server = Server(Settings())
    gunicorn_logger = server.cfg.logger_class(server.cfg)
    assert gunicorn_logger.error_log.propagate
    assert not gunicorn_logger.error_log.handlers
    assert gunicorn_logger.error_log.level == logging.NOTSET
    # The app logs one line per request itself, with its id.
    assert gunicorn_logger.access_log.disabled


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

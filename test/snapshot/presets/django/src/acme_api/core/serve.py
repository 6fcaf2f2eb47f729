"""`serve`: the app under gunicorn on HOST:PORT, WEB_CONCURRENCY worker processes."""

import logging
from typing import TYPE_CHECKING, Any

# gunicorn ships no type information.
from gunicorn.app.base import BaseApplication  # type: ignore[import-untyped]
from gunicorn.glogging import Logger  # type: ignore[import-untyped]

from .probe import LivenessProbe
from .settings import Settings
from .worker import MAX_HEAD_BYTES, with_head_timeout
from .worker_app import THREADS, worker_app

if TYPE_CHECKING:
    from _typeshed.wsgi import WSGIApplication

# Seconds a keep-alive connection may idle between requests.
KEEPALIVE_SECONDS = 5


class _RootLogger(Logger):  # type: ignore[misc]
    """gunicorn's own messages go through the root handler, so LOG_FORMAT covers them too.

    The access log is off: the app writes one line per request itself, with its id.
    """

    def setup(self, cfg: Any) -> None:
        for log in (self.error_log, self.access_log):
            log.handlers.clear()
            log.propagate = True
        self.access_log.disabled = True
        self.error_log.setLevel(logging.NOTSET)


class Server(BaseApplication):  # type: ignore[misc]
    """gunicorn run from code: every option comes from the validated settings."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        super().__init__()

    def options(self) -> dict[str, Any]:
        host = self.settings.host
        bind_host = f"[{host}]" if ":" in host else host
        return {
            "bind": f"{bind_host}:{self.settings.port}",
            "workers": self.settings.web_concurrency,
            # gthread with a deadline and a size limit on request heads (see worker.py).
            "worker_class": with_head_timeout(self.settings.headers_timeout_seconds),
            # Threads, so a slow client holds a thread, not the whole worker (worker_app.py).
            "threads": THREADS,
            # The request line and each header may use the whole head (0: no limit of
            # its own); MAX_HEAD_BYTES bounds them all together.
            "limit_request_line": 0,
            "limit_request_field_size": MAX_HEAD_BYTES,
            "keepalive": KEEPALIVE_SECONDS,
            # On SIGTERM: stop accepting, let requests in flight finish, then exit 0.
            "graceful_timeout": self.settings.shutdown_grace_seconds,
            "logger_class": _RootLogger,
            # Each worker makes its own app, so no database connection crosses a fork.
            "preload_app": False,
            # No control socket in ~/.gunicorn: nothing of `serve` is managed that way.
            "control_socket_disable": True,
        }

    def load_config(self) -> None:
        for key, value in self.options().items():
            self.cfg.set(key, value)

    def load(self) -> "WSGIApplication":
        # Liveness probes are answered before the framework (probe.py).
        return LivenessProbe(worker_app(self.settings))


def serve(settings: Settings) -> None:
    """Serve until SIGTERM or SIGINT, then finish the requests in flight and return."""
    try:
        Server(settings).run()
    except SystemExit as stop:
        # gunicorn's master exits through sys.exit; a clean stop is a return here.
        if stop.code not in (0, None):
            raise

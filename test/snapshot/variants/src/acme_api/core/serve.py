%%% if framework=fastapi
"""`serve`: the app under uvicorn on HOST:PORT, in WEB_CONCURRENCY worker processes."""
%%% end
%%% if framework=flask | framework=django
"""`serve`: the app under gunicorn on HOST:PORT, WEB_CONCURRENCY worker processes."""
%%% end

%%% if framework=fastapi
import signal
from typing import TYPE_CHECKING, TypedDict
%%% end
%%% if framework=flask | framework=django
import logging
from typing import TYPE_CHECKING, Any
%%% end

%%% if framework=fastapi
import uvicorn
%%% end
%%% if framework=flask | framework=django
# gunicorn ships no type information.
from gunicorn.app.base import BaseApplication  # type: ignore[import-untyped]
from gunicorn.glogging import Logger  # type: ignore[import-untyped]
%%% end

%%% if framework=fastapi
from .logs import configure_logging
from .protocol import BoundedHeadProtocol, with_head_timeout
from .settings import Settings, load_settings
%%% end
%%% if framework=flask | framework=django
from .probe import LivenessProbe
from .settings import Settings
from .worker import MAX_HEAD_BYTES, with_head_timeout
from .worker_app import THREADS, worker_app
%%% end

if TYPE_CHECKING:
%%% if framework=fastapi
    from fastapi import FastAPI
%%% end
%%% if framework=flask | framework=django
    from _typeshed.wsgi import WSGIApplication
%%% end

%%% if framework=fastapi
# The package this module is the `core.serve` of, for the import strings workers use.
PACKAGE = __name__.partition(".")[0]
%%% end
%%% if framework=flask | framework=django
# Seconds a keep-alive connection may idle between requests.
KEEPALIVE_SECONDS = 5
%%% end


%%% if framework=fastapi
def serve(settings: Settings) -> None:
    """Serve until SIGTERM or SIGINT, then finish the requests in flight and return.
%%% end
%%% if framework=flask | framework=django
class _RootLogger(Logger):  # type: ignore[misc]
    """gunicorn's own messages go through the root handler, so LOG_FORMAT covers them too.
%%% end

%%% if framework=fastapi
    On the signal uvicorn stops accepting connections, closes idle ones and waits
    up to SHUTDOWN_GRACE_SECONDS for the requests in flight; any still running
    then are cancelled. With WEB_CONCURRENCY above 1 this process supervises that
    many workers and passes the signal on to each.
%%% end
%%% if framework=flask | framework=django
    The access log is off: the app writes one line per request itself, with its id.
%%% end
    """
%%% if framework=fastapi
    if settings.web_concurrency > 1:
        _serve_workers(settings)
        return
    # Imported here: a supervisor of workers never builds the app, and importing it
    # costs a fraction of a second and tens of MiB that process would hold for nothing.
    from ..app import create_app
%%% end

%%% if framework=fastapi
    config = uvicorn.Config(
        create_app(settings),
        # Slow or half-open clients: a deadline for each request head, as uvicorn
        # itself only times out connections idling between requests.
        http=with_head_timeout(settings.headers_timeout_seconds),
        **_server_options(settings),
    )
    server = uvicorn.Server(config)
    # After its graceful shutdown uvicorn restores the handlers it found and
    # re-raises the signal. With Python's defaults that would kill the process
    # (status 143, or a KeyboardInterrupt traceback) instead of exiting 0.
    # Finding its own handler there makes the re-raise harmless, and a signal
    # that comes before uvicorn listens still stops it.
    for stop_signal in (signal.SIGTERM, signal.SIGINT):
        signal.signal(stop_signal, server.handle_exit)
    server.run()
%%% end
%%% if framework=flask | framework=django
    def setup(self, cfg: Any) -> None:
        for log in (self.error_log, self.access_log):
            log.handlers.clear()
            log.propagate = True
        self.access_log.disabled = True
        self.error_log.setLevel(logging.NOTSET)
%%% end


%%% if framework=fastapi
def _serve_workers(settings: Settings) -> None:
    # Workers are fresh interpreters (spawned, not forked): they get the app and
    # the protocol by import string and build them from the same environment.
    uvicorn.run(
        f"{PACKAGE}.core.serve:worker_app",
        factory=True,
        workers=settings.web_concurrency,
        http=f"{PACKAGE}.core.protocol:BoundedHeadProtocol",
        **_server_options(settings),
    )
%%% end
%%% if framework=flask | framework=django
class Server(BaseApplication):  # type: ignore[misc]
    """gunicorn run from code: every option comes from the validated settings."""
%%% end

%%% if framework=flask | framework=django
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        super().__init__()
%%% end

%%% if framework=fastapi
class ServerOptions(TypedDict):
    host: str
    port: int
    timeout_graceful_shutdown: int
    log_config: None
    access_log: bool
    server_header: bool
%%% end
%%% if framework=flask | framework=django
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
%%% end

%%% if framework=flask | framework=django
    def load_config(self) -> None:
        for key, value in self.options().items():
            self.cfg.set(key, value)
%%% end

%%% if framework=fastapi
def _server_options(settings: Settings) -> ServerOptions:
    return {
        "host": settings.host,
        "port": settings.port,
        "timeout_graceful_shutdown": settings.shutdown_grace_seconds,
        "log_config": None,  # keep the logging set up by `configure_logging`
        "access_log": False,  # RequestContextMiddleware writes the access log, with request ids
        "server_header": False,
    }
%%% end
%%% if framework=flask | framework=django
    def load(self) -> "WSGIApplication":
        # Liveness probes are answered before the framework (probe.py).
        return LivenessProbe(worker_app(self.settings))
%%% end


%%% if framework=fastapi
def worker_app() -> "FastAPI":
    """A worker process's app: settings, logging and head deadline from the environment."""
    from ..app import create_app
%%% end
%%% if framework=flask | framework=django
def serve(settings: Settings) -> None:
    """Serve until SIGTERM or SIGINT, then finish the requests in flight and return."""
    try:
        Server(settings).run()
    except SystemExit as stop:
        # gunicorn's master exits through sys.exit; a clean stop is a return here.
        if stop.code not in (0, None):
            raise
%%% end

%%% if framework=fastapi
    settings = load_settings()
    configure_logging(settings)
    BoundedHeadProtocol.head_timeout_seconds = settings.headers_timeout_seconds
    return create_app(settings)

%%% end
"""`serve`: the app under uvicorn on HOST:PORT, in WEB_CONCURRENCY worker processes."""

import signal
from typing import TYPE_CHECKING, TypedDict

import uvicorn

from .logs import configure_logging
from .protocol import BoundedHeadProtocol, with_head_timeout
from .settings import Settings, load_settings

if TYPE_CHECKING:
    from fastapi import FastAPI

# The package this module is the `core.serve` of, for the import strings workers use.
PACKAGE = __name__.partition(".")[0]


def serve(settings: Settings) -> None:
    """Serve until SIGTERM or SIGINT, then finish the requests in flight and return.

    On the signal uvicorn stops accepting connections, closes idle ones and waits
    up to SHUTDOWN_GRACE_SECONDS for the requests in flight; any still running
    then are cancelled. With WEB_CONCURRENCY above 1 this process supervises that
    many workers and passes the signal on to each.
    """
    if settings.web_concurrency > 1:
        _serve_workers(settings)
        return
    # Imported here: a supervisor of workers never builds the app, and importing it
    # costs a fraction of a second and tens of MiB that process would hold for nothing.
    from ..app import create_app

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


class ServerOptions(TypedDict):
    host: str
    port: int
    timeout_graceful_shutdown: int
    log_config: None
    access_log: bool
    server_header: bool


def _server_options(settings: Settings) -> ServerOptions:
    return {
        "host": settings.host,
        "port": settings.port,
        "timeout_graceful_shutdown": settings.shutdown_grace_seconds,
        "log_config": None,  # keep the logging set up by `configure_logging`
        "access_log": False,  # RequestContextMiddleware writes the access log, with request ids
        "server_header": False,
    }


def worker_app() -> "FastAPI":
    """A worker process's app: settings, logging and head deadline from the environment."""
    from ..app import create_app

    settings = load_settings()
    configure_logging(settings)
    BoundedHeadProtocol.head_timeout_seconds = settings.headers_timeout_seconds
    return create_app(settings)

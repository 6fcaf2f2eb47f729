"""`serve`: the app under uvicorn on HOST:PORT."""

import signal

import uvicorn

from ..app import create_app
from .protocol import with_head_timeout
from .settings import Settings


def serve(settings: Settings) -> None:
    """Serve until SIGTERM or SIGINT, then finish the requests in flight and return.

    On the signal uvicorn stops accepting connections, closes idle ones and waits
    up to SHUTDOWN_GRACE_SECONDS for the requests in flight; any still running
    then are cancelled.
    """
    config = uvicorn.Config(
        create_app(settings),
        host=settings.host,
        port=settings.port,
        # Slow or half-open clients: a deadline for each request head, as uvicorn
        # itself only times out connections idling between requests.
        http=with_head_timeout(settings.headers_timeout_seconds),
        timeout_graceful_shutdown=settings.shutdown_grace_seconds,
        log_config=None,  # keep the logging set up by `configure_logging`
        access_log=False,  # RequestContextMiddleware writes the access log, with request ids
        server_header=False,
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

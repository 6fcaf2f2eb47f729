"""What each gunicorn worker of `serve` runs: Django's WSGI app, and how many threads run it."""

from typing import TYPE_CHECKING

from .settings import Settings

if TYPE_CHECKING:
    from _typeshed.wsgi import WSGIApplication

# Threads per worker; each thread keeps its own database connection.
THREADS = 8


def worker_app(settings: Settings) -> "WSGIApplication":
    """`config.wsgi`'s application, imported in the worker (after the fork), so Django
    sets up and connects there. Django reads the environment itself: `settings` is
    what `serve` validated, the same values."""
    from ..config.wsgi import application

    return application

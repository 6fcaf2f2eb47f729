%%% if orm=sqlalchemy
"""What each gunicorn worker of `serve` runs: the Flask app, and how many threads run it."""
%%% end
%%% if orm=django
"""What each gunicorn worker of `serve` runs: Django's WSGI app, and how many threads run it."""
%%% end

%%% if orm=sqlalchemy
from flask import Flask
%%% end
%%% if orm=django
from typing import TYPE_CHECKING
%%% end

%%% if orm=sqlalchemy
from ..app import create_app
from .db import POOL_SIZE
%%% end
from .settings import Settings

%%% if orm=sqlalchemy
# Threads per worker: no more of them than the database pool has connections.
THREADS = POOL_SIZE
%%% end
%%% if orm=django
if TYPE_CHECKING:
    from _typeshed.wsgi import WSGIApplication
%%% end

%%% if orm=django
# Threads per worker; each thread keeps its own database connection.
THREADS = 8
%%% end

%%% if orm=sqlalchemy
def worker_app(settings: Settings) -> Flask:
    """The app, made in the worker (after the fork), with its own database pool."""
    return create_app(settings)
%%% end

%%% if orm=django
def worker_app(settings: Settings) -> "WSGIApplication":
    """`config.wsgi`'s application, imported in the worker (after the fork), so Django
    sets up and connects there. Django reads the environment itself: `settings` is
    what `serve` validated, the same values."""
    from ..config.wsgi import application

    return application

%%% end
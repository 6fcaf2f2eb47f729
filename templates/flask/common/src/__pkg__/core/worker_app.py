"""What each gunicorn worker of `serve` runs: the Flask app, and how many threads run it."""

from flask import Flask

from ..app import create_app
from .db import POOL_SIZE
from .settings import Settings

# Threads per worker: no more of them than the database pool has connections.
THREADS = POOL_SIZE


def worker_app(settings: Settings) -> Flask:
    """The app, made in the worker (after the fork), with its own database pool."""
    return create_app(settings)

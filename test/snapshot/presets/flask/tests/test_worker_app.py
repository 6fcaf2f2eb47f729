"""What each gunicorn worker of `serve` runs (tests/test_serve.py covers the rest of it)."""

import pytest
from flask import Flask

from acme_api.core.settings import Settings
from acme_api.core.worker_app import worker_app

pytestmark = pytest.mark.unit


def test_a_worker_runs_the_flask_app() -> None:
    assert isinstance(worker_app(Settings()), Flask)

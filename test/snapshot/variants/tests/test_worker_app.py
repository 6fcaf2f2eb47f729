%%% if orm=sqlalchemy
"""What each gunicorn worker of `serve` runs (tests/test_serve.py covers the rest of it)."""
%%% end
%%% if orm=django
"""What each gunicorn worker of `serve` runs (tests/test_serve.py covers the rest of it):
Django's WSGI app behind the middleware that gives chunked bodies a length."""
%%% end

%%% if orm=django
import io
from collections.abc import Iterable
from typing import Any

%%% end
import pytest
%%% if orm=sqlalchemy
from flask import Flask
%%% end
%%% if orm=django
from django.core.handlers.wsgi import WSGIHandler
%%% end

%%% if orm=django
from acme_api.core.middleware import ChunkedBodyMiddleware
%%% end
from acme_api.core.settings import Settings
from acme_api.core.worker_app import worker_app

pytestmark = pytest.mark.unit


%%% if orm=sqlalchemy
def test_a_worker_runs_the_flask_app() -> None:
    assert isinstance(worker_app(Settings()), Flask)
%%% end
%%% if orm=django
def test_a_worker_runs_djangos_app_with_the_body_limit() -> None:
    settings = Settings()
    application = worker_app(settings)
    assert isinstance(application, ChunkedBodyMiddleware)
    assert isinstance(application.app, WSGIHandler)
    assert application.max_bytes == settings.max_body_bytes
%%% end

%%% if orm=django

def _as_django_gets_it(body: bytes, **environ: str) -> tuple[str, bytes]:
    """CONTENT_LENGTH and the body the app behind ChunkedBodyMiddleware (limit: 8 bytes) reads."""
    seen: list[tuple[str, bytes]] = []

    def app(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        seen.append((environ.get("CONTENT_LENGTH", ""), environ["wsgi.input"].read()))
        return []

    def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
        return None

    middleware = ChunkedBodyMiddleware(app, max_bytes=8)
    middleware({"wsgi.input": io.BytesIO(body), **environ}, start_response)
    [(length, read)] = seen
    return length, read


def test_a_chunked_body_reaches_django_with_its_length() -> None:
    assert _as_django_gets_it(b"{}", HTTP_TRANSFER_ENCODING="chunked") == ("2", b"{}")


def test_a_chunked_body_is_read_no_further_than_one_byte_past_the_limit() -> None:
    # One byte more than the limit: BodySizeLimitMiddleware answers 413.
    assert _as_django_gets_it(b"x" * 100, HTTP_TRANSFER_ENCODING="chunked") == ("9", b"x" * 9)


def test_a_body_with_a_length_is_left_alone() -> None:
    assert _as_django_gets_it(b"{}", CONTENT_LENGTH="2") == ("2", b"{}")

%%% end
%%% if orm=sqlalchemy
"""The app under test, behind an httpx client, with routes that exist only in tests.
%%% end
%%% if orm=django
"""The app under test, behind an httpx client, as the other test layers reach it.
%%% end

%%% if orm=sqlalchemy
Unit and integration tests reach the app through `app_client` only, so they
%%% end
%%% if framework=fastapi
read the same whatever the web framework. The probe routes exercise what the
real routes cannot yet: a request body, query validation, a crash.
%%% end
%%% if framework=flask
read the same whatever the web framework. Here requests go through Flask's own
test client; the probe routes exercise what the real routes cannot yet: a
request body, query validation, a crash.
%%% end
%%% if orm=django
Requests go through Django's own test client (the whole middleware stack, no
socket), so tests read the same whatever the web framework. The URLs are the
app's own plus the probe routes of `tests.probe_urls`, which raise what the
real routes cannot yet.
%%% end
"""

%%% if framework=flask
import io
%%% end
from collections.abc import Iterator
from contextlib import contextmanager
%%% if framework=fastapi
from typing import Annotated
%%% end
%%% if framework=flask
from weakref import WeakKeyDictionary
%%% end

import httpx2
%%% if framework=fastapi
from fastapi import FastAPI, HTTPException, Query
from fastapi.testclient import TestClient
%%% end
%%% if framework=flask
from apiflask import APIFlask, HTTPError
from flask.testing import FlaskClient
%%% end
%%% if orm=sqlalchemy
from pydantic import BaseModel, Field
%%% end
%%% if orm=django
from django.test import Client, override_settings
%%% end

%%% if orm=sqlalchemy
from acme_api.app import create_app
from acme_api.core.db import IN_MEMORY, Base, Database, import_models
%%% end
%%% if framework=flask
from acme_api.core.extensions import current_database
%%% end
%%% if orm=sqlalchemy
from acme_api.core.settings import Settings
%%% end
%%% if orm=django
PROBE_URLCONF = "tests.probe_urls"
%%% end

%%% if orm=sqlalchemy
CRASH_MESSAGE = "internal detail that must not leak"
%%% end

%%% if framework=flask
# The database of the app behind each client `app_client` made.
_databases: WeakKeyDictionary[httpx2.Client, Database] = WeakKeyDictionary()
%%% end
%%% if orm=django
class DjangoTransport(httpx2.BaseTransport):
    """httpx requests answered by Django's test client, without a server or a socket."""
%%% end

%%% if orm=django
    def __init__(self) -> None:
        # CSRF checked as a served app checks it (Django's test client skips it by default).
        self.client = Client(enforce_csrf_checks=True, raise_request_exception=False)
%%% end
%%% if framework=flask | framework=django

%%% end
%%% if orm=sqlalchemy
class Note(BaseModel):
%%% end
%%% if framework=fastapi
    title: Annotated[str, Field(min_length=1, max_length=200)]
%%% end
%%% if framework=flask
    title: str = Field(min_length=1, max_length=200)
%%% end
%%% if orm=sqlalchemy
    tags: list[str] = []


%%% end
%%% if framework=fastapi
def add_probe_routes(app: FastAPI) -> None:
    @app.post("/probe/notes", status_code=201)
    def create_note(note: Note, limit: Annotated[int, Query(ge=1, le=100)] = 20) -> Note:
%%% end
%%% if framework=flask
class NoteQuery(BaseModel):
    limit: int = Field(default=20, ge=1, le=100)


def add_probe_routes(app: APIFlask) -> None:
    @app.post("/probe/notes")
    @app.input(NoteQuery, location="query", arg_name="query")
    @app.input(Note, arg_name="note")
    @app.output(Note, status_code=201)
    def create_note(query: NoteQuery, note: Note) -> Note:
%%% end
%%% if orm=sqlalchemy
        return note

    @app.get("/probe/crash")
    def crash() -> None:
        raise RuntimeError(CRASH_MESSAGE)

    @app.get("/probe/conflict")
    def conflict() -> None:
%%% end
%%% if framework=fastapi
        raise HTTPException(status_code=409, detail="That note already exists.")
%%% end
%%% if framework=flask
        raise HTTPError(409, "That note already exists.")
%%% end
%%% if orm=sqlalchemy


def create_tables(database: Database) -> None:
    """Every model's table, straight from the models: for unit tests, which skip migrations."""
    import_models()
    Base.metadata.create_all(database.engine)


%%% end
%%% if framework=flask
class FlaskTransport(httpx2.BaseTransport):
    """httpx requests answered by Flask's test client, without a server or a socket."""

    def __init__(self, client: FlaskClient) -> None:
        self.client = client

%%% end
%%% if framework=flask | framework=django
    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        body = request.read()
%%% end
%%% if framework=flask
        headers = list(request.headers.multi_items())
        overrides: dict[str, object] = {}
        if "content-length" not in request.headers and body:
            # A chunked body: no length, read until it ends (and counted as it is).
            overrides = {"wsgi.input_terminated": True, "CONTENT_LENGTH": ""}
        response = self.client.open(
            request.url.path,
            method=request.method,
            query_string=request.url.query.decode("ascii"),
%%% end
%%% if orm=django
        headers = {
            name: value
            for name, value in request.headers.items()
            if name.lower() not in ("host", "content-length", "content-type")
        }
        query = request.url.query.decode("ascii")
        response = self.client.generic(
            request.method,
            f"{request.url.path}?{query}" if query else request.url.path,
            data=body,
            content_type=request.headers.get("content-type", ""),
%%% end
%%% if framework=flask | framework=django
            headers=headers,
%%% end
%%% if framework=flask
            input_stream=io.BytesIO(body),
            environ_overrides=overrides,
%%% end
%%% if framework=flask | framework=django
        )
%%% end
%%% if orm=django
        # The cookies go to httpx's jar, as a server's would: Django's client keeps none.
        cookies = [("Set-Cookie", morsel.OutputString()) for morsel in response.cookies.values()]
        self.client.cookies.clear()
%%% end
%%% if framework=flask | framework=django
        return httpx2.Response(
%%% end
%%% if framework=flask
            response.status_code, headers=list(response.headers.items()), content=response.data
%%% end
%%% if orm=django
            response.status_code,
            headers=[*response.items(), *cookies],
            content=b"" if response.streaming else response.content,
%%% end
%%% if framework=flask | framework=django
        )


%%% end
%%% if orm=sqlalchemy
def database_of(client: httpx2.Client) -> Database:
    """The database of the app behind a client from `app_client`."""
%%% end
%%% if framework=fastapi
    assert isinstance(client, TestClient)
    database: Database = client.app.state.database  # type: ignore[attr-defined]
    return database
%%% end
%%% if framework=flask
    return _databases[client]
%%% end
%%% if orm=sqlalchemy


%%% end
@contextmanager
%%% if orm=sqlalchemy
def app_client(settings: Settings) -> Iterator[httpx2.Client]:
%%% end
%%% if framework=fastapi
    """A client for a fresh app, started and stopped around the block."""
%%% end
%%% if framework=flask
    """A client for a fresh app; its database is closed after the block."""
%%% end
%%% if orm=sqlalchemy
    app = create_app(settings)
    add_probe_routes(app)
%%% end
%%% if framework=flask
    with app.app_context():
        database = current_database()
%%% end
%%% if orm=sqlalchemy
    if settings.database_url == IN_MEMORY:
        # Unit tests: no migrations, just the tables, in a database that dies with the app.
%%% end
%%% if framework=fastapi
        create_tables(app.state.database)
    with TestClient(app, base_url="http://testserver") as client:
%%% end
%%% if orm=django
def app_client() -> Iterator[httpx2.Client]:
    """A client of the app; its database, if a test has one, is pytest-django's test database."""
    with (
        override_settings(ROOT_URLCONF=PROBE_URLCONF),
        httpx2.Client(transport=DjangoTransport(), base_url="http://testserver") as client,
    ):
%%% end
%%% if framework=fastapi | framework=django
        yield client
%%% end
%%% if framework=flask
        create_tables(database)
    # use_cookies=False: the httpx client keeps the cookies, as it does over a socket.
    transport = FlaskTransport(app.test_client(use_cookies=False))
    try:
        with httpx2.Client(transport=transport, base_url="http://testserver") as client:
            _databases[client] = database
            yield client
    finally:
        database.dispose()
%%% end

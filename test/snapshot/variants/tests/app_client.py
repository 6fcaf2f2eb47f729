"""The app under test, behind an httpx client, with routes that exist only in tests.

Unit and integration tests reach the app through `app_client` only, so they
%%% if framework=fastapi
read the same whatever the web framework. The probe routes exercise what the
real routes cannot yet: a request body, query validation, a crash.
%%% end
%%% if framework=flask
read the same whatever the web framework. Here requests go through Flask's own
test client; the probe routes exercise what the real routes cannot yet: a
request body, query validation, a crash.
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
from pydantic import BaseModel, Field

from acme_api.app import create_app
from acme_api.core.db import IN_MEMORY, Base, Database, import_models
%%% if framework=flask
from acme_api.core.extensions import current_database
%%% end
from acme_api.core.settings import Settings

CRASH_MESSAGE = "internal detail that must not leak"

%%% if framework=flask
# The database of the app behind each client `app_client` made.
_databases: WeakKeyDictionary[httpx2.Client, Database] = WeakKeyDictionary()
%%% end

%%% if framework=flask

%%% end
class Note(BaseModel):
%%% if framework=fastapi
    title: Annotated[str, Field(min_length=1, max_length=200)]
%%% end
%%% if framework=flask
    title: str = Field(min_length=1, max_length=200)
%%% end
    tags: list[str] = []


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
        return note

    @app.get("/probe/crash")
    def crash() -> None:
        raise RuntimeError(CRASH_MESSAGE)

    @app.get("/probe/conflict")
    def conflict() -> None:
%%% if framework=fastapi
        raise HTTPException(status_code=409, detail="That note already exists.")
%%% end
%%% if framework=flask
        raise HTTPError(409, "That note already exists.")
%%% end


def create_tables(database: Database) -> None:
    """Every model's table, straight from the models: for unit tests, which skip migrations."""
    import_models()
    Base.metadata.create_all(database.engine)


%%% if framework=flask
class FlaskTransport(httpx2.BaseTransport):
    """httpx requests answered by Flask's test client, without a server or a socket."""

    def __init__(self, client: FlaskClient) -> None:
        self.client = client

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        body = request.read()
        headers = list(request.headers.multi_items())
        overrides: dict[str, object] = {}
        if "content-length" not in request.headers and body:
            # A chunked body: no length, read until it ends (and counted as it is).
            overrides = {"wsgi.input_terminated": True, "CONTENT_LENGTH": ""}
        response = self.client.open(
            request.url.path,
            method=request.method,
            query_string=request.url.query.decode("ascii"),
            headers=headers,
            input_stream=io.BytesIO(body),
            environ_overrides=overrides,
        )
        return httpx2.Response(
            response.status_code, headers=list(response.headers.items()), content=response.data
        )


%%% end
def database_of(client: httpx2.Client) -> Database:
    """The database of the app behind a client from `app_client`."""
%%% if framework=fastapi
    assert isinstance(client, TestClient)
    database: Database = client.app.state.database  # type: ignore[attr-defined]
    return database
%%% end
%%% if framework=flask
    return _databases[client]
%%% end


@contextmanager
def app_client(settings: Settings) -> Iterator[httpx2.Client]:
%%% if framework=fastapi
    """A client for a fresh app, started and stopped around the block."""
%%% end
%%% if framework=flask
    """A client for a fresh app; its database is closed after the block."""
%%% end
    app = create_app(settings)
    add_probe_routes(app)
%%% if framework=flask
    with app.app_context():
        database = current_database()
%%% end
    if settings.database_url == IN_MEMORY:
        # Unit tests: no migrations, just the tables, in a database that dies with the app.
%%% if framework=fastapi
        create_tables(app.state.database)
    with TestClient(app, base_url="http://testserver") as client:
        yield client
%%% end
%%% if framework=flask
        create_tables(database)
    transport = FlaskTransport(app.test_client())
    try:
        with httpx2.Client(transport=transport, base_url="http://testserver") as client:
            _databases[client] = database
            yield client
    finally:
        database.dispose()
%%% end

"""The app under test, behind an httpx client, with routes that exist only in tests.

Unit and integration tests reach the app through `app_client` only, so they
read the same whatever the web framework. Here requests go through Flask's own
test client; the probe routes exercise what the real routes cannot yet: a
request body, query validation, a crash.
"""

import io
from collections.abc import Iterator
from contextlib import contextmanager
from weakref import WeakKeyDictionary

import httpx2
from apiflask import APIFlask, HTTPError
from flask.testing import FlaskClient
from pydantic import BaseModel, Field

from acme_api.app import create_app
from acme_api.core.db import IN_MEMORY, Base, Database, import_models
from acme_api.core.extensions import current_database
from acme_api.core.settings import Settings

CRASH_MESSAGE = "internal detail that must not leak"

# The database of the app behind each client `app_client` made.
_databases: WeakKeyDictionary[httpx2.Client, Database] = WeakKeyDictionary()


class Note(BaseModel):
    title: str = Field(min_length=1, max_length=200)
    tags: list[str] = []


class NoteQuery(BaseModel):
    limit: int = Field(default=20, ge=1, le=100)


def add_probe_routes(app: APIFlask) -> None:
    @app.post("/probe/notes")
    @app.input(NoteQuery, location="query", arg_name="query")
    @app.input(Note, arg_name="note")
    @app.output(Note, status_code=201)
    def create_note(query: NoteQuery, note: Note) -> Note:
        return note

    @app.get("/probe/crash")
    def crash() -> None:
        raise RuntimeError(CRASH_MESSAGE)

    @app.get("/probe/conflict")
    def conflict() -> None:
        raise HTTPError(409, "That note already exists.")


def create_tables(database: Database) -> None:
    """Every model's table, straight from the models: for unit tests, which skip migrations."""
    import_models()
    Base.metadata.create_all(database.engine)


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


def database_of(client: httpx2.Client) -> Database:
    """The database of the app behind a client from `app_client`."""
    return _databases[client]


@contextmanager
def app_client(settings: Settings) -> Iterator[httpx2.Client]:
    """A client for a fresh app; its database is closed after the block."""
    app = create_app(settings)
    add_probe_routes(app)
    with app.app_context():
        database = current_database()
    if settings.database_url == IN_MEMORY:
        # Unit tests: no migrations, just the tables, in a database that dies with the app.
        create_tables(database)
    # use_cookies=False: the httpx client keeps the cookies, as it does over a socket.
    transport = FlaskTransport(app.test_client(use_cookies=False))
    try:
        with httpx2.Client(transport=transport, base_url="http://testserver") as client:
            _databases[client] = database
            yield client
    finally:
        database.dispose()

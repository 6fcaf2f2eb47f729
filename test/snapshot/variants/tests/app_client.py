"""The app under test, behind an httpx client, with routes that exist only in tests.

Unit and integration tests reach the app through `app_client` only, so they
read the same whatever the web framework. The probe routes exercise what the
real routes cannot yet: a request body, query validation, a crash.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import httpx2
from fastapi import FastAPI, HTTPException, Query
from fastapi.testclient import TestClient
from pydantic import BaseModel, Field

from acme_api.app import create_app
from acme_api.core.db import IN_MEMORY, Base, Database, import_models
from acme_api.core.settings import Settings

CRASH_MESSAGE = "internal detail that must not leak"


class Note(BaseModel):
    title: Annotated[str, Field(min_length=1, max_length=200)]
    tags: list[str] = []


def add_probe_routes(app: FastAPI) -> None:
    @app.post("/probe/notes", status_code=201)
    def create_note(note: Note, limit: Annotated[int, Query(ge=1, le=100)] = 20) -> Note:
        return note

    @app.get("/probe/crash")
    def crash() -> None:
        raise RuntimeError(CRASH_MESSAGE)

    @app.get("/probe/conflict")
    def conflict() -> None:
        raise HTTPException(status_code=409, detail="That note already exists.")


def create_tables(database: Database) -> None:
    """Every model's table, straight from the models: for unit tests, which skip migrations."""
    import_models()
    Base.metadata.create_all(database.engine)


def database_of(client: httpx2.Client) -> Database:
    """The database of the app behind a client from `app_client`."""
    assert isinstance(client, TestClient)
    database: Database = client.app.state.database  # type: ignore[attr-defined]
    return database


@contextmanager
def app_client(settings: Settings) -> Iterator[httpx2.Client]:
    """A client for a fresh app, started and stopped around the block."""
    app = create_app(settings)
    add_probe_routes(app)
    if settings.database_url == IN_MEMORY:
        # Unit tests: no migrations, just the tables, in a database that dies with the app.
        create_tables(app.state.database)
    with TestClient(app, base_url="http://testserver") as client:
        yield client

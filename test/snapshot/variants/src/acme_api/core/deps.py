"""FastAPI dependencies shared by the routes."""

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Path, Query, Request
from sqlalchemy.orm import Session

from .db import POOL_SIZE, Database
from .pagination import MAX_LIMIT, MAX_OFFSET, PageParams
from .settings import Settings


async def get_database(request: Request) -> Database:
    """The app's database, created once by `create_app`.

    `async def`, as every dependency that does no blocking I/O: it runs on the
    event loop instead of costing each request a hop to a worker thread.
    """
    database: Database = request.app.state.database
    return database


def get_session(database: Annotated[Database, Depends(get_database)]) -> Iterator[Session]:
    """One unit of work per request: committed when the route returns, rolled back if it raises.

    Repositories only flush, so everything a request changes commits together.
    """
    with database.sessions() as session:
        try:
            yield session
        except Exception:
            session.rollback()
            raise
        session.commit()


# scope="function": the commit runs when the route returns, before the response is
# sent, so a client that has its 201 or 204 reads the change (and a failed commit
# is a 500, not a success the database never kept).
# max_concurrency: at most as many sessions as the pool has connections; a request
# beyond that waits here, without a worker thread, instead of deadlocking the pool.
SessionDep = Annotated[Session, Depends(get_session, scope="function", max_concurrency=POOL_SIZE)]

# A row id as the databases store it (a signed 64-bit integer): a larger one is a
# 422, not an overflow inside the driver.
MAX_ID = 2**63 - 1
Id = Annotated[int, Path(ge=1, le=MAX_ID)]


async def get_settings(request: Request) -> Settings:
    """The settings the app was created with."""
    settings: Settings = request.app.state.settings
    return settings


SettingsDep = Annotated[Settings, Depends(get_settings)]


async def page_params(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size")] = 20,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="How many to skip")] = 0,
) -> PageParams:
    return PageParams(limit=limit, offset=offset)


PageDep = Annotated[PageParams, Depends(page_params)]

"""Liveness and readiness, for load balancers and orchestrators."""

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Response
from pydantic import BaseModel

from .db import Database
from .deps import get_database

router = APIRouter(tags=["health"])

CheckStatus = Literal["ok", "unavailable"]


class Health(BaseModel):
    status: Literal["ok"]


class Readiness(BaseModel):
    status: CheckStatus
    checks: dict[str, CheckStatus]


@router.get("/health")
# HEAD too, as probes may send it (uvicorn leaves the body out); not a schema operation of its own.
@router.head("/health", include_in_schema=False)
async def health() -> Health:
    """The process is up. Touches nothing else, so it stays cheap and never flaps.

    `async def`: with no blocking I/O it runs on the event loop, not a worker
    thread; probes hit it often, and the hop to a thread was most of its cost.
    """
    return Health(status="ok")


@router.get(
    "/ready",
    responses={503: {"model": Readiness, "description": "A dependency is unavailable"}},
)
def ready(response: Response, database: Annotated[Database, Depends(get_database)]) -> Readiness:
    """The process can serve traffic: the database answers a query."""
    database_status: CheckStatus = "ok" if database.ping() else "unavailable"
    if database_status != "ok":
        response.status_code = 503
    return Readiness(status=database_status, checks={"database": database_status})

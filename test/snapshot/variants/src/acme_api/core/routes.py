"""Liveness and readiness, for load balancers and orchestrators."""

%%% if framework=fastapi
from typing import Annotated, Literal
%%% end
%%% if framework=flask
from typing import Literal
%%% end

%%% if framework=fastapi
from fastapi import APIRouter, Depends, Response
%%% end
%%% if framework=flask
from apiflask import APIBlueprint
%%% end
from pydantic import BaseModel

%%% if framework=fastapi
from .db import Database
from .deps import get_database
%%% end
%%% if framework=flask
from .extensions import current_database
%%% end

%%% if framework=fastapi
router = APIRouter(tags=["health"])
%%% end
%%% if framework=flask
blueprint = APIBlueprint("health", __name__, tag="health")
%%% end

CheckStatus = Literal["ok", "unavailable"]


class Health(BaseModel):
    status: Literal["ok"]


class Readiness(BaseModel):
    status: CheckStatus
    checks: dict[str, CheckStatus]


%%% if framework=fastapi
@router.get("/health")
# HEAD too, as probes may send it (uvicorn leaves the body out); not a schema operation of its own.
@router.head("/health", include_in_schema=False)
async def health() -> Health:
    """The process is up. Touches nothing else, so it stays cheap and never flaps.

    `async def`: with no blocking I/O it runs on the event loop, not a worker
    thread; probes hit it often, and the hop to a thread was most of its cost.
    """
%%% end
%%% if framework=flask
@blueprint.get("/health")
@blueprint.output(Health)
def health() -> Health:
    """The process is up. Touches nothing else, so it stays cheap and never flaps."""
%%% end
    return Health(status="ok")


%%% if framework=fastapi
@router.get(
    "/ready",
    responses={503: {"model": Readiness, "description": "A dependency is unavailable"}},
)
def ready(response: Response, database: Annotated[Database, Depends(get_database)]) -> Readiness:
%%% end
%%% if framework=flask
@blueprint.get("/ready")
@blueprint.output(Readiness)
@blueprint.doc(responses={503: "A dependency is unavailable"})
def ready() -> tuple[Readiness, int]:
%%% end
    """The process can serve traffic: the database answers a query."""
%%% if framework=fastapi
    database_status: CheckStatus = "ok" if database.ping() else "unavailable"
    if database_status != "ok":
        response.status_code = 503
    return Readiness(status=database_status, checks={"database": database_status})
%%% end
%%% if framework=flask
    database_status: CheckStatus = "ok" if current_database().ping() else "unavailable"
    readiness = Readiness(status=database_status, checks={"database": database_status})
    return readiness, 200 if database_status == "ok" else 503
%%% end

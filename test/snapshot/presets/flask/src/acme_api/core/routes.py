"""Liveness and readiness, for load balancers and orchestrators."""

from typing import Literal

from apiflask import APIBlueprint
from pydantic import BaseModel

from .extensions import current_database

blueprint = APIBlueprint("health", __name__, tag="health")

CheckStatus = Literal["ok", "unavailable"]


class Health(BaseModel):
    status: Literal["ok"]


class Readiness(BaseModel):
    status: CheckStatus
    checks: dict[str, CheckStatus]


@blueprint.get("/health")
@blueprint.output(Health)
def health() -> Health:
    """The process is up. Touches nothing else, so it stays cheap and never flaps."""
    return Health(status="ok")


@blueprint.get("/ready")
@blueprint.output(Readiness)
@blueprint.doc(responses={503: "A dependency is unavailable"})
def ready() -> tuple[Readiness, int]:
    """The process can serve traffic: the database answers a query."""
    database_status: CheckStatus = "ok" if current_database().ping() else "unavailable"
    readiness = Readiness(status=database_status, checks={"database": database_status})
    return readiness, 200 if database_status == "ok" else 503

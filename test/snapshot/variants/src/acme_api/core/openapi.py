"""The OpenAPI document: error responses documented as what they are, problem details."""

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from .problems import CONTENT_TYPE, status_title

_SCHEMAS = "#/components/schemas/"


class ProblemFieldError(BaseModel):
    field: str
    message: str


class Problem(BaseModel):
    """RFC 9457 problem details, as every error response carries them."""

    type: str
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    request_id: str
    errors: list[ProblemFieldError] | None = None


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """`responses=` for a route or router: these statuses answer with a problem."""
    return {
        status: {
            "description": status_title(status),
            "content": {CONTENT_TYPE: {"schema": {"$ref": f"{_SCHEMAS}Problem"}}},
        }
        for status in statuses
    }


def install_openapi(app: FastAPI) -> None:
    """Generate the document once, with the problem schemas the responses refer to."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = get_openapi(
                title=app.title, version=app.version, routes=app.routes, description=app.description
            )
            _, problem_schemas = models_json_schema(
                [(Problem, "serialization")], ref_template=_SCHEMAS + "{model}"
            )
            components = document.setdefault("components", {}).setdefault("schemas", {})
            components.update(problem_schemas["$defs"])
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]

"""The OpenAPI document: error responses documented as what they are, problem details."""

from typing import Any

%%% if framework=fastapi
from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel
from pydantic.json_schema import models_json_schema
%%% end
%%% if framework=flask
from apiflask import APIFlask
%%% end

%%% if framework=flask
from .ids import MAX_ID
%%% end
from .problems import CONTENT_TYPE, status_title

%%% if framework=fastapi
_SCHEMAS = "#/components/schemas/"
%%% end
%%% if framework=flask
_JSON = "application/json"
%%% end


%%% if framework=fastapi
class ProblemFieldError(BaseModel):
    field: str
    message: str
%%% end
%%% if framework=flask
# RFC 9457 problem details, as every error response carries them.
PROBLEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["type", "title", "status", "request_id"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "instance": {"type": "string"},
        "request_id": {"type": "string"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["field", "message"],
                "properties": {"field": {"type": "string"}, "message": {"type": "string"}},
            },
        },
    },
}
%%% end


%%% if framework=fastapi
class Problem(BaseModel):
    """RFC 9457 problem details, as every error response carries them."""
%%% end
%%% if framework=flask
def problem_responses(*statuses: int) -> dict[int, str]:
    """`responses=` for `doc()`: these statuses answer with a problem."""
    return {status: status_title(status) for status in statuses}
%%% end

%%% if framework=fastapi
    type: str
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    request_id: str
    errors: list[ProblemFieldError] | None = None
%%% end

%%% if framework=flask
def _as_served(spec: dict[Any, Any] | str) -> dict[Any, Any] | str:
    """The document APIFlask writes, corrected to say what the app does.
%%% end

%%% if framework=fastapi
def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """`responses=` for a route or router: these statuses answer with a problem."""
    return {
        status: {
            "description": status_title(status),
            "content": {CONTENT_TYPE: {"schema": {"$ref": f"{_SCHEMAS}Problem"}}},
        }
        for status in statuses
    }
%%% end
%%% if framework=flask
    Error bodies are problem+json, not application/json; a body is required
    where a route takes one (a missing or null body is a 422); a row id in a
    path is a 64-bit id from 1 up, as `row_id` checks.
    """
    if isinstance(spec, str):
        return spec
    for path in spec.get("paths", {}).values():
        for operation in path.values():
            for status, response in operation.get("responses", {}).items():
                content = response.get("content", {})
                if str(status)[0] in "45" and _JSON in content:
                    content[CONTENT_TYPE] = content.pop(_JSON)
            if "requestBody" in operation:
                operation["requestBody"]["required"] = True
            for parameter in operation.get("parameters", []):
                if parameter.get("in") == "path" and parameter["schema"].get("type") == "integer":
                    parameter["schema"].update(minimum=1, maximum=MAX_ID)
    return spec
%%% end


%%% if framework=fastapi
def install_openapi(app: FastAPI) -> None:
    """Generate the document once, with the problem schemas the responses refer to."""
%%% end
%%% if framework=flask
def configure_openapi(app: APIFlask) -> None:
    """Every error response is documented with the Problem schema, and the document as served."""
    app.config["HTTP_ERROR_SCHEMA"] = PROBLEM_SCHEMA
    app.config["VALIDATION_ERROR_SCHEMA"] = PROBLEM_SCHEMA
    app.spec_processor(_as_served)
%%% end

%%% if framework=fastapi
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

%%% end
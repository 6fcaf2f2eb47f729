%%% if orm=sqlalchemy
"""The OpenAPI document: error responses documented as what they are, problem details."""
%%% end
%%% if orm=django
"""The OpenAPI document's last touches: what DRF and drf-spectacular leave unsaid.
%%% end

%%% if orm=django
A drf-spectacular postprocessing hook, so views stay plain: every error an
operation can answer is documented as a problem, request bodies refuse extra
fields (as StrictSerializer does) and NUL characters (as DRF does), and path
ids are 64-bit integers. A view
names the problems only it answers with `extend_schema(extensions=problems(409))`.
"""

%%% end
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
%%% if orm=sqlalchemy

%%% end
%%% if framework=flask | framework=django
from .ids import MAX_ID
%%% end
from .problems import CONTENT_TYPE, status_title

%%% if framework=fastapi
_SCHEMAS = "#/components/schemas/"
%%% end
%%% if framework=flask
_JSON = "application/json"
%%% end
%%% if orm=sqlalchemy


%%% end
%%% if framework=fastapi
class ProblemFieldError(BaseModel):
    field: str
    message: str
%%% end
%%% if framework=flask
# RFC 9457 problem details, as every error response carries them.
PROBLEM_SCHEMA: dict[str, Any] = {
%%% end
%%% if orm=django
_PROBLEM = {
%%% end
%%% if framework=flask | framework=django
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
%%% if orm=django
_METHODS = ("get", "post", "put", "patch", "delete")
# DRF refuses NUL characters in every text field; the document says so.
NO_NUL_PATTERN = "^[^\\u0000]*$"
_EXTENSION = "x-problems"
_REQUIRED = "x-required"
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
%%% if orm=django
def problems(*statuses: int, required: tuple[str, ...] = ()) -> dict[str, list[Any]]:
    """`extensions=` for extend_schema: the problem statuses particular to a view.
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
%%% if orm=django
    `required`: body fields a PATCH needs all the same (drf-spectacular makes
    every field of a PATCH body optional).
    """
    return {_EXTENSION: list(statuses), _REQUIRED: list(required)}
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
%%% if orm=django
def _require(operation: dict[str, Any], schemas: dict[str, Any]) -> None:
    required = operation.pop(_REQUIRED, [])
    if not required:
        return
    for content in operation["requestBody"]["content"].values():
        name = content["schema"]["$ref"].rpartition("/")[2]
        schemas[name]["required"] = sorted(set(schemas[name].get("required", [])) | set(required))
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
%%% if orm=django
def _statuses(operation: dict[str, Any], secured: bool) -> set[int]:
    """What an operation can refuse with, from what it takes."""
    statuses = set(operation.pop(_EXTENSION, []))
    if "requestBody" in operation:
        statuses |= {413, 422}
    parameters = operation.get("parameters", [])
    if any(p["in"] == "path" for p in parameters):
        statuses |= {404, 422}
    if any(p["in"] == "query" for p in parameters):
        statuses.add(422)
    if secured:
        statuses |= {401, 403}
    return statuses
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
%%% end
%%% if framework=fastapi | framework=django

%%% end
%%% if framework=fastapi
    app.openapi = openapi  # type: ignore[method-assign]
%%% end
%%% if orm=django
def document_problems(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """POSTPROCESSING_HOOKS entry: problem responses, strict bodies, integer ids."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas["Problem"] = _PROBLEM
    for name, schema in schemas.items():
        if name.endswith("Request") and schema.get("type") == "object":
            schema["additionalProperties"] = False
            for field in schema.get("properties", {}).values():
                if field.get("type") == "string" and "format" not in field:
                    field.setdefault("pattern", NO_NUL_PATTERN)
    problem = {CONTENT_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}}
    for path in result.get("paths", {}).values():
        for method in _METHODS:
            operation = path.get(method)
            if operation is None:
                continue
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "path" and parameter["name"].endswith("_id"):
                    parameter["schema"] = {"type": "integer", "minimum": 0, "maximum": MAX_ID}
            _require(operation, schemas)
            secured = bool(operation.get("security")) and {} not in operation["security"]
            responses = operation.setdefault("responses", {})
            for status in sorted(_statuses(operation, secured)):
                responses.setdefault(
                    str(status), {"description": status_title(status), "content": problem}
                )
    return result
%%% end
%%% if framework=fastapi | framework=django

%%% end
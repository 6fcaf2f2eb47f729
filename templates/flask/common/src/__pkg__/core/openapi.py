"""The OpenAPI document: error responses documented as what they are, problem details."""

from typing import Any

from apiflask import APIFlask

from .ids import MAX_ID
from .problems import CONTENT_TYPE, status_title

_JSON = "application/json"


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


def problem_responses(*statuses: int) -> dict[int, str]:
    """`responses=` for `doc()`: these statuses answer with a problem."""
    return {status: status_title(status) for status in statuses}


def _as_served(spec: dict[Any, Any] | str) -> dict[Any, Any] | str:
    """The document APIFlask writes, corrected to say what the app does.

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


def configure_openapi(app: APIFlask) -> None:
    """Every error response is documented with the Problem schema, and the document as served."""
    app.config["HTTP_ERROR_SCHEMA"] = PROBLEM_SCHEMA
    app.config["VALIDATION_ERROR_SCHEMA"] = PROBLEM_SCHEMA
    app.spec_processor(_as_served)

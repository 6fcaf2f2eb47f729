"""The OpenAPI document's last touches: what DRF and drf-spectacular leave unsaid.

A drf-spectacular postprocessing hook, so views stay plain: every error an
operation can answer is documented as a problem, request bodies refuse extra
fields (as StrictSerializer does) and NUL characters (as DRF does), and path
ids are 64-bit integers. A view
names the problems only it answers with `extend_schema(extensions=problems(409))`.
"""

from typing import Any

from .ids import MAX_ID
from .problems import CONTENT_TYPE, status_title

_PROBLEM = {
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
_METHODS = ("get", "post", "put", "patch", "delete")
# DRF refuses NUL characters in every text field; the document says so.
NO_NUL_PATTERN = "^[^\\u0000]*$"
_EXTENSION = "x-problems"
_REQUIRED = "x-required"


def problems(*statuses: int, required: tuple[str, ...] = ()) -> dict[str, list[Any]]:
    """`extensions=` for extend_schema: the problem statuses particular to a view.

    `required`: body fields a PATCH needs all the same (drf-spectacular makes
    every field of a PATCH body optional).
    """
    return {_EXTENSION: list(statuses), _REQUIRED: list(required)}


def _require(operation: dict[str, Any], schemas: dict[str, Any]) -> None:
    required = operation.pop(_REQUIRED, [])
    if not required:
        return
    # A body with required fields must be sent: without one, the request is a 422.
    operation["requestBody"]["required"] = True
    for content in operation["requestBody"]["content"].values():
        name = content["schema"]["$ref"].rpartition("/")[2]
        schemas[name]["required"] = sorted(set(schemas[name].get("required", [])) | set(required))


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

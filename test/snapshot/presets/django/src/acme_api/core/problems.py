"""RFC 9457 problem details: one shape for every error the API returns."""

from http import HTTPStatus
from typing import Any, TypedDict

CONTENT_TYPE = "application/problem+json"
_PHRASES = {status.value: status.phrase for status in HTTPStatus}


class FieldError(TypedDict):
    """One invalid input: `field` is the dotted path of the body or query field."""

    field: str
    message: str


class InvalidInputError(Exception):
    """Input that parsed but names what cannot be: a 422 with these errors, in any framework."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__(errors)
        self.errors = errors


def status_title(status: int) -> str:
    """The standard reason phrase, e.g. 404 -> "Not Found"."""
    return _PHRASES.get(status, "Error")


def problem(
    status: int,
    *,
    request_id: str,
    detail: str | None = None,
    instance: str | None = None,
    errors: list[FieldError] | None = None,
) -> dict[str, Any]:
    """A problem-details body; `type` stays about:blank, so `title` is the status phrase."""
    body = {
        "type": "about:blank",
        "title": status_title(status),
        "status": status,
        "detail": detail,
        "instance": instance,
        "request_id": request_id,
        "errors": errors,
    }
    # Optional members are left out rather than null.
    return {name: value for name, value in body.items() if value is not None}

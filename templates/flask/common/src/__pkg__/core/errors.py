"""Every error as an RFC 9457 problem detail (application/problem+json).

APIFlask turns Werkzeug's HTTP errors (404, 405, 413 ...) and its own
`abort()` into an `HTTPError` and hands it to one error processor; that
processor, the handler of database conflicts and the last-resort handler of
everything else all answer through `problem_response`.
"""

import logging
from collections.abc import Mapping, Sequence
from typing import Any

from apiflask import APIFlask, HTTPError
from flask import Response, json, request
from pydantic import ValidationError
from sqlalchemy.exc import IntegrityError
from werkzeug.datastructures import Headers

from .problems import CONTENT_TYPE, FieldError, InvalidInputError, problem, status_title
from .request_id import current_request_id

logger = logging.getLogger(__name__)

VALIDATION_DETAIL = "The request is invalid; see errors."
CONFLICT_DETAIL = "The request conflicts with stored data: a value that must be unique is taken."
NOT_JSON: FieldError = {"field": "body", "message": "The body is not valid JSON."}
# Methods every route answers implicitly; Allow names the ones the API declares, in this order.
_IMPLICIT_METHODS = frozenset({"HEAD", "OPTIONS"})
_METHOD_ORDER = ("GET", "POST", "PUT", "PATCH", "DELETE")


def problem_response(
    status: int,
    *,
    detail: str | None = None,
    errors: Sequence[FieldError] | None = None,
    headers: Mapping[str, str] | None = None,
) -> Response:
    """A problem for the current request; its id also goes into the body."""
    body = problem(
        status,
        request_id=_request_id(),
        detail=detail,
        instance=request.path,
        errors=list(errors) if errors is not None else None,
    )
    response = Response(json.dumps(body), status=status, mimetype=CONTENT_TYPE)
    response.headers.update(headers or {})
    return response


def _request_id() -> str:
    # Set by the request middleware (requests.py) around every request it passes on.
    return current_request_id.get() or ""


def field_errors(error: ValidationError) -> list[FieldError]:
    """pydantic's errors, each with its dotted field: ("tags", 0) -> "tags.0"."""
    return [
        {"field": ".".join(str(part) for part in item["loc"]) or "body", "message": item["msg"]}
        for item in error.errors(include_url=False)
    ]


def _validation_problem(errors: Sequence[FieldError]) -> Response:
    return problem_response(422, detail=VALIDATION_DETAIL, errors=errors)


def _http_error(error: HTTPError) -> Response:
    if isinstance(error.__cause__, ValidationError):
        return _validation_problem(field_errors(error.__cause__))
    errors: list[FieldError] | None = error.extra_data.get("errors")
    if errors is not None:
        return _validation_problem(errors)
    headers = dict(Headers(error.headers).items())
    if error.status_code == 405 and "Allow" in headers:
        allowed = {m.strip() for m in headers["Allow"].split(",")} - _IMPLICIT_METHODS
        headers["Allow"] = ", ".join(m for m in _METHOD_ORDER if m in allowed)
    message = error.message
    return problem_response(
        error.status_code,
        # A bare status's message is its reason phrase, already the title.
        detail=None if message == status_title(error.status_code) else message,
        headers=headers,
    )


def _invalid_input(error: InvalidInputError) -> Response:
    # The app's own rules on input that parsed: a reference to a row that is not there.
    return _validation_problem(error.errors)


def _conflict(_error: IntegrityError) -> Response:
    # A unique value taken, or a referenced row gone meanwhile; the session rolls back.
    return problem_response(409, detail=CONFLICT_DETAIL)


def _unexpected(error: Exception) -> Response:
    request_id = _request_id()
    logger.error(
        "unhandled error",
        exc_info=error,
        extra={"request_id": request_id, "method": request.method, "path": request.path},
    )
    detail = f"An unexpected error occurred; quote request id {request_id} when reporting it."
    return problem_response(500, detail=detail)


def install_error_handlers(app: APIFlask) -> None:
    app.error_processor(_http_error)
    app.register_error_handler(InvalidInputError, _invalid_input)
    app.register_error_handler(IntegrityError, _conflict)
    app.register_error_handler(Exception, _unexpected)


def not_json() -> HTTPError:
    """The error for a body that does not parse as JSON: a 422 on the body, as any invalid input."""
    extra: dict[str, Any] = {"errors": [NOT_JSON]}
    return HTTPError(422, extra_data=extra)

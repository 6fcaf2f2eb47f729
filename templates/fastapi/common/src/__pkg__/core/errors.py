"""FastAPI's errors as RFC 9457 problem details (application/problem+json)."""

from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import IntegrityError
from starlette.exceptions import HTTPException
from starlette.routing import Match

from .problems import CONTENT_TYPE, FieldError, InvalidInputError, problem, status_title

# Where FastAPI says a value came from; clients know the field, not the transport.
_LOCATIONS = frozenset({"body", "query", "path", "header", "cookie"})
# Probed one by one, so routers nested in routers answer too.
_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")
_NOT_JSON: FieldError = {"field": "body", "message": "The body is not valid JSON."}


def problem_response(
    request_id: str,
    status: int,
    *,
    instance: str,
    detail: str | None = None,
    errors: list[FieldError] | None = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    """A problem-details response; the request id also goes into the body."""
    body = problem(status, request_id=request_id, detail=detail, instance=instance, errors=errors)
    return JSONResponse(body, status_code=status, media_type=CONTENT_TYPE, headers=headers)


def field_path(location: Sequence[str | int]) -> str:
    """("body", "tags", 0) -> "tags.0"; a whole-body error is just "body"."""
    parts = list(location)
    if len(parts) > 1 and parts[0] in _LOCATIONS:
        parts = parts[1:]
    return ".".join(str(part) for part in parts)


def _field_error(error: Mapping[str, Any]) -> FieldError:
    if error.get("type") == "json_invalid":
        # FastAPI locates a JSON syntax error at a character offset: not a field.
        return _NOT_JSON
    return {"field": field_path(error["loc"]), "message": str(error["msg"])}


def _allowed_methods(request: Request) -> str:
    """Every method the path has; Starlette's 405 names only those of the first route matched."""
    routes = request.app.router.routes

    def serves(method: str) -> bool:
        scope = {**request.scope, "method": method}
        return any(route.matches(scope)[0] is Match.FULL for route in routes)

    return ", ".join(method for method in _METHODS if serves(method))


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)  # noqa: S101 - registered for HTTPException only
    if exc.status_code == 400 and isinstance(exc.__cause__, UnicodeDecodeError):
        # FastAPI answers a body that is not UTF-8 with 400: it is malformed JSON, so 422 as usual.
        return problem_response(
            request.state.request_id,
            422,
            instance=request.url.path,
            detail="The request is invalid; see errors.",
            errors=[_NOT_JSON],
        )
    headers = dict(exc.headers or {})
    if exc.status_code == 405:
        headers["Allow"] = _allowed_methods(request) or headers.get("Allow", "")
    detail = str(exc.detail)
    return problem_response(
        request.state.request_id,
        exc.status_code,
        instance=request.url.path,
        # Starlette's default detail is the reason phrase, already the title.
        detail=None if detail == status_title(exc.status_code) else detail,
        headers=headers,
    )


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    # FastAPI's own validation, or the app's rules on input that parsed (InvalidInputError).
    if isinstance(exc, InvalidInputError):
        errors = exc.errors
    else:
        assert isinstance(exc, RequestValidationError)  # noqa: S101 - registered for these two
        errors = [_field_error(error) for error in exc.errors()]
    return problem_response(
        request.state.request_id,
        422,
        instance=request.url.path,
        detail="The request is invalid; see errors.",
        errors=errors,
    )


async def _conflict(request: Request, exc: Exception) -> JSONResponse:
    # A write the database refused for a constraint: a unique value taken, or a
    # referenced row gone meanwhile. The unit of work has rolled back by now.
    return problem_response(
        request.state.request_id,
        409,
        instance=request.url.path,
        detail="The request conflicts with stored data: a value that must be unique is taken.",
    )


def install_error_handlers(app: FastAPI) -> None:
    """Route HTTP and validation errors to problem details.

    Unhandled exceptions are not handled here but in RequestContextMiddleware,
    which sits outside and so can still add the request id to the 500.
    """
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(InvalidInputError, _validation_error)
    app.add_exception_handler(IntegrityError, _conflict)

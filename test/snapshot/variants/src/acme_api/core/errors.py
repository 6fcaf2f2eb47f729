%%% if framework=fastapi
"""FastAPI's errors as RFC 9457 problem details (application/problem+json)."""
%%% end
%%% if framework=flask
"""Every error as an RFC 9457 problem detail (application/problem+json).
%%% end
%%% if orm=django
"""Every error as RFC 9457 problem details: DRF's exceptions, and Django's own handlers."""
%%% end

%%% if framework=flask
APIFlask turns Werkzeug's HTTP errors (404, 405, 413 ...) and its own
`abort()` into an `HTTPError` and hands it to one error processor; that
processor, the handler of database conflicts and the last-resort handler of
everything else all answer through `problem_response`.
"""

%%% end
%%% if framework=flask | framework=django
import logging
%%% end
%%% if orm=sqlalchemy
from collections.abc import Mapping, Sequence
%%% end
from typing import Any

%%% if framework=fastapi
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
%%% end
%%% if framework=flask
from apiflask import APIFlask, HTTPError
from flask import Response, json, request
from pydantic import ValidationError
%%% end
%%% if orm=sqlalchemy
from sqlalchemy.exc import IntegrityError
%%% end
%%% if framework=fastapi
from starlette.exceptions import HTTPException
from starlette.routing import Match
%%% end
%%% if framework=flask
from werkzeug.datastructures import Headers
%%% end
%%% if orm=django
from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from rest_framework import exceptions, status
from rest_framework.request import Request
from rest_framework.response import Response
%%% end

%%% if orm=sqlalchemy
from .problems import CONTENT_TYPE, FieldError, InvalidInputError, problem, status_title
%%% end
%%% if orm=django
from .problems import CONTENT_TYPE, FieldError, InvalidInputError, problem
%%% end
%%% if framework=flask | framework=django
from .request_id import current_request_id
%%% end

%%% if framework=fastapi
# Where FastAPI says a value came from; clients know the field, not the transport.
_LOCATIONS = frozenset({"body", "query", "path", "header", "cookie"})
# Probed one by one, so routers nested in routers answer too.
_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")
_NOT_JSON: FieldError = {"field": "body", "message": "The body is not valid JSON."}
%%% end
%%% if orm=django
TOO_LARGE = "The request body is larger than MAX_BODY_BYTES allows."

%%% end
%%% if framework=flask | framework=django
logger = logging.getLogger(__name__)
%%% end

%%% if framework=flask
VALIDATION_DETAIL = "The request is invalid; see errors."
CONFLICT_DETAIL = "The request conflicts with stored data: a value that must be unique is taken."
NOT_JSON: FieldError = {"field": "body", "message": "The body is not valid JSON."}
# Methods every route answers implicitly; Allow names the ones the API declares, in this order.
_IMPLICIT_METHODS = frozenset({"HEAD", "OPTIONS"})
_METHOD_ORDER = ("GET", "POST", "PUT", "PATCH", "DELETE")
%%% end
%%% if orm=django
INVALID = "The request is invalid; see errors."
%%% end

%%% if framework=flask | framework=django

%%% end
%%% if orm=sqlalchemy
def problem_response(
%%% end
%%% if framework=fastapi
    request_id: str,
%%% end
%%% if orm=sqlalchemy
    status: int,
    *,
%%% end
%%% if framework=fastapi
    instance: str,
%%% end
%%% if orm=sqlalchemy
    detail: str | None = None,
%%% end
%%% if framework=fastapi
    errors: list[FieldError] | None = None,
%%% end
%%% if framework=flask
    errors: Sequence[FieldError] | None = None,
%%% end
%%% if orm=sqlalchemy
    headers: Mapping[str, str] | None = None,
%%% end
%%% if framework=fastapi
) -> JSONResponse:
    """A problem-details response; the request id also goes into the body."""
    body = problem(status, request_id=request_id, detail=detail, instance=instance, errors=errors)
    return JSONResponse(body, status_code=status, media_type=CONTENT_TYPE, headers=headers)
%%% end
%%% if framework=flask
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
%%% end
%%% if orm=django
class ConflictError(exceptions.APIException):
    """The request clashes with what is stored (a taken email, the last admin): a 409."""
%%% end

%%% if orm=django
    status_code = status.HTTP_409_CONFLICT
    default_detail = "Conflict."
%%% end

%%% if framework=fastapi
def field_path(location: Sequence[str | int]) -> str:
    """("body", "tags", 0) -> "tags.0"; a whole-body error is just "body"."""
    parts = list(location)
    if len(parts) > 1 and parts[0] in _LOCATIONS:
        parts = parts[1:]
    return ".".join(str(part) for part in parts)
%%% end
%%% if orm=django

%%% end
%%% if framework=flask | framework=django
def _request_id() -> str:
%%% end
%%% if framework=flask
    # Set by the request middleware (requests.py) around every request it passes on.
%%% end
%%% if framework=flask | framework=django
    return current_request_id.get() or ""
%%% end


%%% if framework=fastapi
def _field_error(error: Mapping[str, Any]) -> FieldError:
    if error.get("type") == "json_invalid":
        # FastAPI locates a JSON syntax error at a character offset: not a field.
        return _NOT_JSON
    return {"field": field_path(error["loc"]), "message": str(error["msg"])}
%%% end
%%% if framework=flask
def field_errors(error: ValidationError) -> list[FieldError]:
    """pydantic's errors, each with its dotted field: ("tags", 0) -> "tags.0"."""
    return [
        {"field": ".".join(str(part) for part in item["loc"]) or "body", "message": item["msg"]}
        for item in error.errors(include_url=False)
    ]
%%% end
%%% if orm=django
def field_errors(detail: Any, prefix: str = "") -> list[FieldError]:
    """DRF's nested error detail as a flat list of `{"field": "a.b", "message": ...}`."""
    if isinstance(detail, dict):
        errors: list[FieldError] = []
        for name, inner in detail.items():
            field = "" if name == "non_field_errors" else str(name)
            path = f"{prefix}.{field}" if prefix and field else prefix or field
            errors += field_errors(inner, path)
        return errors
    if isinstance(detail, list):
        if all(not isinstance(item, dict | list) for item in detail):
            return [{"field": prefix or "body", "message": str(item)} for item in detail]
        errors = []
        for index, inner in enumerate(detail):
            errors += field_errors(inner, f"{prefix}.{index}" if prefix else str(index))
        return errors
    return [{"field": prefix or "body", "message": str(detail)}]
%%% end


%%% if framework=fastapi
def _allowed_methods(request: Request) -> str:
    """Every method the path has; Starlette's 405 names only those of the first route matched."""
    routes = request.app.router.routes
%%% end
%%% if framework=flask
def _validation_problem(errors: Sequence[FieldError]) -> Response:
    return problem_response(422, detail=VALIDATION_DETAIL, errors=errors)
%%% end
%%% if orm=django
def problem_response(
    status_code: int,
    path: str,
    detail: str | None = None,
    errors: list[FieldError] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    body = problem(
        status_code, request_id=_request_id(), detail=detail, instance=path, errors=errors
    )
    return Response(body, status=status_code, content_type=CONTENT_TYPE, headers=headers)
%%% end

%%% if framework=fastapi
    def serves(method: str) -> bool:
        scope = {**request.scope, "method": method}
        return any(route.matches(scope)[0] is Match.FULL for route in routes)
%%% end

%%% if framework=fastapi
    return ", ".join(method for method in _METHODS if serves(method))
%%% end
%%% if orm=django
def _authentication_required(request: Request, scheme: str) -> str:
    """A 401's advice: the authentication class's own (`how_to_authenticate`), or the header."""
    authenticators = getattr(request, "authenticators", None) or [None]
    how = getattr(authenticators[0], "how_to_authenticate", None)
    return f"Authentication required: {how or f'send `Authorization: {scheme} <token>`'}."
%%% end
%%% if framework=fastapi | framework=django


%%% end
%%% if framework=fastapi
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
%%% end
%%% if framework=flask
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
%%% end
%%% if orm=sqlalchemy
    return problem_response(
%%% end
%%% if framework=fastapi
        request.state.request_id,
        exc.status_code,
        instance=request.url.path,
        # Starlette's default detail is the reason phrase, already the title.
        detail=None if detail == status_title(exc.status_code) else detail,
%%% end
%%% if framework=flask
        error.status_code,
        # A bare status's message is its reason phrase, already the title.
        detail=None if message == status_title(error.status_code) else message,
%%% end
%%% if orm=sqlalchemy
        headers=headers,
    )
%%% end
%%% if orm=django
def problem_handler(exc: Exception, context: dict[str, Any]) -> Response:
    """DRF's EXCEPTION_HANDLER: one shape for every error an API view raises."""
    path = context["request"].path
    if isinstance(exc, exceptions.ValidationError):
        return problem_response(422, path, INVALID, field_errors(exc.detail))
    if isinstance(exc, exceptions.ParseError):
        errors: list[FieldError] = [{"field": "body", "message": "The body is not valid JSON."}]
        return problem_response(422, path, INVALID, errors)
    if isinstance(exc, InvalidInputError):
        return problem_response(422, path, INVALID, exc.errors)
    if isinstance(exc, RequestDataTooBig):
        return problem_response(413, path, TOO_LARGE)
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    if isinstance(exc, exceptions.APIException):
        headers: dict[str, str] = {}
        scheme = getattr(exc, "auth_header", None)
        if scheme:
            headers["WWW-Authenticate"] = str(scheme)
        if getattr(exc, "wait", None) is not None:
            headers["Retry-After"] = str(int(exc.wait))  # type: ignore[attr-defined]
        detail = str(exc.detail) if isinstance(exc.detail, str) else None
        if detail == exc.default_detail or isinstance(exc, exceptions.MethodNotAllowed):
            # DRF's stock sentences ("Not found.") add nothing to the title.
            detail = None
        if scheme and isinstance(exc, exceptions.NotAuthenticated):
            detail = _authentication_required(context["request"], scheme)
        return problem_response(exc.status_code, path, detail, headers=headers)
    # No traceback or internal text in the answer; all of it in the log.
    logger.error("unhandled error on %s", path, exc_info=exc)
    return problem_response(500, path)
%%% end


%%% if framework=fastapi
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
%%% end
%%% if orm=django
def django_problem(
    request: HttpRequest,
    status_code: int,
    detail: str | None = None,
    errors: list[FieldError] | None = None,
) -> JsonResponse:
    """A problem answered outside DRF (Django's handlers, the middleware), in its shape."""
    body = problem(
        status_code, request_id=_request_id(), detail=detail, instance=request.path, errors=errors
%%% end
%%% if framework=fastapi | framework=django
    )
%%% end
%%% if framework=flask
def _invalid_input(error: InvalidInputError) -> Response:
    # The app's own rules on input that parsed: a reference to a row that is not there.
    return _validation_problem(error.errors)
%%% end
%%% if orm=django
    return JsonResponse(body, status=status_code, content_type=CONTENT_TYPE)
%%% end


%%% if framework=fastapi
async def _conflict(request: Request, exc: Exception) -> JSONResponse:
    # A write the database refused for a constraint: a unique value taken, or a
    # referenced row gone meanwhile. The unit of work has rolled back by now.
    return problem_response(
        request.state.request_id,
        409,
        instance=request.url.path,
        detail="The request conflicts with stored data: a value that must be unique is taken.",
%%% end
%%% if framework=flask
def _conflict(_error: IntegrityError) -> Response:
    # A unique value taken, or a referenced row gone meanwhile; the session rolls back.
    return problem_response(409, detail=CONFLICT_DETAIL)
%%% end
%%% if orm=django
def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    return django_problem(request, 400)
%%% end
%%% if framework=flask | framework=django


%%% end
%%% if framework=flask
def _unexpected(error: Exception) -> Response:
    request_id = _request_id()
    logger.error(
        "unhandled error",
        exc_info=error,
        extra={"request_id": request_id, "method": request.method, "path": request.path},
%%% end
%%% if orm=sqlalchemy
    )
%%% end
%%% if framework=flask
    detail = f"An unexpected error occurred; quote request id {request_id} when reporting it."
    return problem_response(500, detail=detail)
%%% end
%%% if orm=django
def forbidden(request: HttpRequest, exception: Exception) -> HttpResponse:
    return django_problem(request, 403)
%%% end


%%% if framework=fastapi
def install_error_handlers(app: FastAPI) -> None:
    """Route HTTP and validation errors to problem details.
%%% end
%%% if framework=flask
def install_error_handlers(app: APIFlask) -> None:
    app.error_processor(_http_error)
    app.register_error_handler(InvalidInputError, _invalid_input)
    app.register_error_handler(IntegrityError, _conflict)
    app.register_error_handler(Exception, _unexpected)
%%% end
%%% if orm=django
def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return django_problem(request, 404)
%%% end

%%% if framework=fastapi
    Unhandled exceptions are not handled here but in RequestContextMiddleware,
    which sits outside and so can still add the request id to the 500.
    """
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(InvalidInputError, _validation_error)
    app.add_exception_handler(IntegrityError, _conflict)
%%% end

%%% if framework=flask
def not_json() -> HTTPError:
    """The error for a body that does not parse as JSON: a 422 on the body, as any invalid input."""
    extra: dict[str, Any] = {"errors": [NOT_JSON]}
    return HTTPError(422, extra_data=extra)
%%% end
%%% if orm=django
def server_error(request: HttpRequest) -> HttpResponse:
    # Called while Django handles the exception: the log gets its traceback, the answer none.
    logger.error("unhandled error on %s", request.path, exc_info=True)
    return django_problem(request, 500)
%%% end
%%% if framework=flask | framework=django

%%% end
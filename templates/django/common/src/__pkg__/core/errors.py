"""Every error as RFC 9457 problem details: DRF's exceptions, and Django's own handlers."""

import logging
from typing import Any

from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from rest_framework import exceptions, status
from rest_framework.request import Request
from rest_framework.response import Response

from .problems import CONTENT_TYPE, FieldError, InvalidInputError, problem
from .request_id import current_request_id

TOO_LARGE = "The request body is larger than MAX_BODY_BYTES allows."

logger = logging.getLogger(__name__)

INVALID = "The request is invalid; see errors."


class ConflictError(exceptions.APIException):
    """The request clashes with what is stored (a taken email, the last admin): a 409."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = "Conflict."


def _request_id() -> str:
    return current_request_id.get() or ""


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


def _authentication_required(request: Request, scheme: str) -> str:
    """A 401's advice: the authentication class's own (`how_to_authenticate`), or the header."""
    authenticators = getattr(request, "authenticators", None) or [None]
    how = getattr(authenticators[0], "how_to_authenticate", None)
    return f"Authentication required: {how or f'send `Authorization: {scheme} <token>`'}."


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


def django_problem(
    request: HttpRequest,
    status_code: int,
    detail: str | None = None,
    errors: list[FieldError] | None = None,
) -> JsonResponse:
    """A problem answered outside DRF (Django's handlers, the middleware), in its shape."""
    body = problem(
        status_code, request_id=_request_id(), detail=detail, instance=request.path, errors=errors
    )
    return JsonResponse(body, status=status_code, content_type=CONTENT_TYPE)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    return django_problem(request, 400)


def forbidden(request: HttpRequest, exception: Exception) -> HttpResponse:
    return django_problem(request, 403)


def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return django_problem(request, 404)


def server_error(request: HttpRequest) -> HttpResponse:
    # Called while Django handles the exception: the log gets its traceback, the answer none.
    logger.error("unhandled error on %s", request.path, exc_info=True)
    return django_problem(request, 500)

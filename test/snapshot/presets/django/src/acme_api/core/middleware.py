"""Request ids, the access log, the body size limit and `Cache-Control` on API answers."""

import json
import logging
import time
from collections.abc import Callable
from http import HTTPStatus

from django.http import HttpRequest, HttpResponse, JsonResponse

from .errors import INVALID, TOO_LARGE
from .logs import ACCESS_LOGGER
from .problems import CONTENT_TYPE, FieldError, problem
from .request_id import HEADER, current_request_id, resolve_request_id
from .settings import load_settings

Handler = Callable[[HttpRequest], HttpResponse]
access_logger = logging.getLogger(ACCESS_LOGGER)


class RequestIdMiddleware:
    """Echo a safe `X-Request-ID` or mint one, for the response and every log line."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = resolve_request_id(request.headers.get(HEADER))
        token = current_request_id.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            current_request_id.reset(token)
        response[HEADER] = request_id
        return response


class AccessLogMiddleware:
    """One line per request: method, path, status and duration (never a body or a header)."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        access_logger.info(
            "request",
            extra={
                "request_id": current_request_id.get(),
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 2),
            },
        )
        return response


class BodySizeLimitMiddleware:
    """A body over MAX_BODY_BYTES is a 413 before any of it is read."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response
        self.max_bytes = load_settings().max_body_bytes

    def __call__(self, request: HttpRequest) -> HttpResponse:
        length = request.META.get("CONTENT_LENGTH") or "0"
        if not length.isdigit() or int(length) > self.max_bytes:
            status = 413 if length.isdigit() else 400
            body = problem(
                status,
                request_id=current_request_id.get() or "",
                detail=TOO_LARGE if status == 413 else None,
                instance=request.path,
            )
            return JsonResponse(body, status=status, content_type=CONTENT_TYPE)
        return self.get_response(request)


class JsonBodyMiddleware:
    """A body that is not JSON is a 422 before any view runs, as in the other stacks.

    Reading it here also means a request is in flight until its whole body has
    arrived: a SIGTERM meanwhile lets it finish, within the grace period.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        body = request.body
        if body and (request.content_type or "").endswith("json"):
            try:
                json.loads(body)
            except ValueError:
                errors: list[FieldError] = [
                    {"field": "body", "message": "The body is not valid JSON."}
                ]
                problem_body = problem(
                    422,
                    request_id=current_request_id.get() or "",
                    detail=INVALID,
                    instance=request.path,
                    errors=errors,
                )
                return JsonResponse(problem_body, status=422, content_type=CONTENT_TYPE)
        return self.get_response(request)


class NoStoreMiddleware:
    """API answers hold tokens or users' data: no cache may keep them.

    DRF also lists the allowed methods on every answer; `Allow` belongs to a 405.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Cache-Control", "no-store")
        if response.status_code != HTTPStatus.METHOD_NOT_ALLOWED:
            del response["Allow"]
        return response

"""Request ids, the access log, the body size limit, 405s and `Cache-Control` on API answers."""

import io
import json
import time
from collections.abc import Callable, Iterable
from http import HTTPStatus
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest, HttpResponse

from .errors import INVALID, TOO_LARGE, django_problem
from .logs import log_request
from .problems import FieldError
from .request_id import HEADER, current_request_id, resolve_request_id
from .settings import load_settings

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIApplication, WSGIEnvironment

Handler = Callable[[HttpRequest], HttpResponse]


class ChunkedBodyMiddleware:
    """WSGI, around Django: a body sent without a length (chunked) is given one.

    Django reads CONTENT_LENGTH bytes of a body and no more, so a chunked body
    would reach the views empty. Read here, never past MAX_BODY_BYTES and one
    byte, it reaches Django with its length, and BodySizeLimitMiddleware refuses
    one over the limit as it refuses any other.
    """

    def __init__(self, app: "WSGIApplication", max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    def __call__(
        self, environ: "WSGIEnvironment", start_response: "StartResponse"
    ) -> Iterable[bytes]:
        chunked = "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower()
        if chunked and not environ.get("CONTENT_LENGTH"):
            body = environ["wsgi.input"].read(self.max_bytes + 1)
            environ["wsgi.input"] = io.BytesIO(body)
            environ["CONTENT_LENGTH"] = str(len(body))
            del environ["HTTP_TRANSFER_ENCODING"]
        return self.app(environ, start_response)


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
        request_id = current_request_id.get() or ""
        log_request(request_id, request.method, request.path, response.status_code, started)
        return response


class BodySizeLimitMiddleware:
    """A body over MAX_BODY_BYTES is a 413 before any of it is read."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response
        self.max_bytes = load_settings().max_body_bytes

    def __call__(self, request: HttpRequest) -> HttpResponse:
        length = request.META.get("CONTENT_LENGTH") or "0"
        if not length.isdigit() or int(length) > self.max_bytes:
            if length.isdigit():
                return django_problem(request, 413, TOO_LARGE)
            return django_problem(request, 400)
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
                return django_problem(request, 422, INVALID, errors)
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


def served_methods(view: Callable[..., HttpResponse]) -> frozenset[str] | None:
    """The methods a DRF view answers; None for any other view (the admin site's)."""
    view_class = getattr(view, "cls", None)
    if view_class is None:
        return None
    # A viewset's view serves the methods of its action map, any other the ones its class has,
    # but OPTIONS, which is a 405 (no metadata class).
    actions: dict[str, str] | None = getattr(view, "actions", None)
    if actions is not None:
        methods = set(actions)
    else:
        names = view_class.http_method_names
        methods = {name for name in names if name != "options" and hasattr(view_class, name)}
    # HEAD is GET without the body, as Django answers it.
    if "get" in methods:
        methods.add("head")
    return frozenset(method.upper() for method in methods)


class MethodNotAllowedMiddleware:
    """A method the path does not serve is a 405 before anyone is asked to log in.

    DRF checks credentials and permissions before it looks the method up, so a PUT
    on a collection without a token was a 401 here and a 405 on FastAPI and Flask,
    which route first.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self,
        request: HttpRequest,
        view: Callable[..., HttpResponse],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
    ) -> HttpResponse | None:
        allowed = served_methods(view)
        if allowed is None or request.method in allowed:
            return None
        response = django_problem(request, 405)
        response["Allow"] = ", ".join(sorted(allowed))
        return response

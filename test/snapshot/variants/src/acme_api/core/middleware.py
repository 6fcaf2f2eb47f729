%%% if orm=sqlalchemy
"""Request id, access log and last-resort 500, for every HTTP request.
%%% end
%%% if orm=django
"""Request ids, the access log, the body size limit, 405s and `Cache-Control` on API answers."""
%%% end

%%% if orm=sqlalchemy
A pure ASGI middleware rather than Starlette's BaseHTTPMiddleware: it wraps
`send`, so every response gets X-Request-ID, including the 500 it writes
itself when the app raises, and it does not buffer streaming responses.
"""

import logging
%%% end
%%% if orm=django
import io
import json
%%% end
import time
%%% if orm=django
from collections.abc import Callable, Iterable
from http import HTTPStatus
from typing import TYPE_CHECKING, Any
%%% end

%%% if orm=sqlalchemy
from fastapi import HTTPException
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send
%%% end
%%% if orm=django
from django.http import HttpRequest, HttpResponse
%%% end

%%% if orm=sqlalchemy
from .errors import problem_response
%%% end
%%% if orm=django
from .errors import INVALID, TOO_LARGE, django_problem
%%% end
from .logs import log_request
%%% if orm=django
from .problems import FieldError
%%% end
from .request_id import HEADER, current_request_id, resolve_request_id
%%% if orm=django
from .settings import load_settings
%%% end

%%% if orm=sqlalchemy
logger = logging.getLogger(__name__)
%%% end
%%% if orm=django
if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIApplication, WSGIEnvironment
%%% end

%%% if orm=django
Handler = Callable[[HttpRequest], HttpResponse]
%%% end

%%% if orm=sqlalchemy
class RequestContextMiddleware:
    """Outermost middleware: everything inside it runs with a request id."""
%%% end

%%% if orm=sqlalchemy
    def __init__(self, app: ASGIApp) -> None:
%%% end
%%% if orm=django
class ChunkedBodyMiddleware:
    """WSGI, around Django: a body sent without a length (chunked) is given one.

    Django reads CONTENT_LENGTH bytes of a body and no more, so a chunked body
    would reach the views empty. Read here, never past MAX_BODY_BYTES and one
    byte, it reaches Django with its length, and BodySizeLimitMiddleware refuses
    one over the limit as it refuses any other.
    """

    def __init__(self, app: "WSGIApplication", max_bytes: int) -> None:
%%% end
        self.app = app
%%% if orm=django
        self.max_bytes = max_bytes
%%% end

%%% if orm=sqlalchemy
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
%%% end
%%% if orm=django
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
%%% end

%%% if orm=sqlalchemy
        request_id = resolve_request_id(Headers(scope=scope).get(HEADER))
        scope.setdefault("state", {})["request_id"] = request_id
        token = current_request_id.set(request_id)
        started = time.perf_counter()
        status: int | None = None
%%% end

%%% if orm=sqlalchemy
        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = MutableHeaders(scope=message)
                headers[HEADER] = request_id
                headers["X-Content-Type-Options"] = "nosniff"
                # Responses hold tokens and user data: no cache may keep them.
                headers.setdefault("Cache-Control", "no-store")
            await send(message)
%%% end
%%% if orm=django
class RequestIdMiddleware:
    """Echo a safe `X-Request-ID` or mint one, for the response and every log line."""
%%% end

%%% if orm=django
    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = resolve_request_id(request.headers.get(HEADER))
        token = current_request_id.set(request_id)
%%% end
        try:
%%% if orm=sqlalchemy
            await self.app(scope, receive, send_with_id)
        except Exception:
            logger.exception(
                "unhandled error",
                extra={"request_id": request_id, "method": scope["method"], "path": scope["path"]},
            )
            if status is not None:
                raise  # the response has begun: the server can only drop the connection
            detail = (
                f"An unexpected error occurred; quote request id {request_id} when reporting it."
            )
            response = problem_response(request_id, 500, instance=scope["path"], detail=detail)
            await response(scope, receive, send_with_id)
%%% end
%%% if orm=django
            response = self.get_response(request)
%%% end
        finally:
%%% if orm=sqlalchemy
            log_request(request_id, scope["method"], scope["path"], status, started)
%%% end
            current_request_id.reset(token)
%%% if orm=django
        response[HEADER] = request_id
        return response
%%% end


%%% if orm=sqlalchemy
TOO_LARGE = "The request body is larger than MAX_BODY_BYTES allows."
%%% end
%%% if orm=django
class AccessLogMiddleware:
    """One line per request: method, path, status and duration (never a body or a header)."""
%%% end

%%% if orm=django
    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response
%%% end

%%% if orm=sqlalchemy
class BodyLimitMiddleware:
    """Refuses a request body over `max_body_bytes` with 413 before the app parses it.
%%% end
%%% if orm=django
    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        request_id = current_request_id.get() or ""
        log_request(request_id, request.method, request.path, response.status_code, started)
        return response
%%% end

%%% if orm=sqlalchemy
    A declared Content-Length is refused before any of the body is read; a body
    sent without one (chunked) is counted as it arrives and refused once over.
%%% end
%%% if orm=django

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
%%% end
    """

%%% if orm=sqlalchemy
    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
%%% end
%%% if orm=django
    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response
%%% end

%%% if orm=sqlalchemy
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_body_bytes:
            request_id = scope["state"]["request_id"]
            response = problem_response(request_id, 413, instance=scope["path"], detail=TOO_LARGE)
            await response(scope, receive, send)
            return
        received = 0
%%% end
%%% if orm=django
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
%%% end

%%% if orm=sqlalchemy
        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    # An HTTPException, so the app's own handler answers it as a problem.
                    raise HTTPException(413, TOO_LARGE)
            return message
%%% end

%%% if orm=sqlalchemy
        await self.app(scope, counted_receive, send)
%%% end
%%% if orm=django
class NoStoreMiddleware:
    """API answers hold tokens or users' data: no cache may keep them.
%%% end

%%% if orm=django
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

%%% end
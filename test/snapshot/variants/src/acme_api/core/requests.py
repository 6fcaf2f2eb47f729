"""Per request: the request id, security and CORS headers, CORS preflights and the
access log (a WSGI middleware), and the body size limit and JSON pre-parse (a Flask hook)."""

import io
import time
from collections.abc import Callable, Collection, Iterable
from typing import TYPE_CHECKING, Any, NoReturn

from apiflask import HTTPError
from flask import Flask, Request, request

from .errors import not_json
from .extensions import current_settings
from .logs import log_request
from .problems import FieldError
from .request_id import ENVIRON_KEY, HEADER, current_request_id, resolve_request_id
from .settings import Settings

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIApplication, WSGIEnvironment

TOO_LARGE = "The request body is larger than MAX_BODY_BYTES allows."
MISSING_BODY: FieldError = {"field": "body", "message": "Field required"}
_BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


class JsonRequest(Request):
    """Flask's request, with a body that is not JSON answered as invalid input (422)."""

    def on_json_loading_failed(self, e: ValueError | None) -> NoReturn:
        raise not_json() from e


def _start() -> None:
    limit = current_settings().max_body_bytes
    declared = request.content_length
    if declared is not None and declared > limit:
        # Refused before any of it is read, whatever the route.
        raise HTTPError(413, TOO_LARGE)
    if declared is None and request.environ.get("wsgi.input_terminated"):
        _bound_streamed_body(request.environ, limit)
    if request.is_json and request.get_data(cache=True):
        # A JSON body is parsed before the route, authentication included, runs:
        # malformed JSON is a 422 whoever sends it, and so is a body of `null`
        # (which APIFlask would read as `{}`, an empty change).
        body = request.get_json()
        if body is None and request.method in _BODY_METHODS:
            raise HTTPError(422, extra_data={"errors": [MISSING_BODY]})


def _bound_streamed_body(environ: dict[str, Any], limit: int) -> None:
    """A body sent without a length (chunked): read up to the limit, refused past it.

    Werkzeug would cut such a body at MAX_CONTENT_LENGTH silently; here one byte
    more than the limit is a 413, and what was read is the body from now on.
    """
    body = environ["wsgi.input"].read(limit + 1)
    if len(body) > limit:
        raise HTTPError(413, TOO_LARGE)
    # From here on it is a body of known length: Werkzeug reads nothing of a
    # body still marked chunked unless the server terminated its input.
    environ["wsgi.input"] = io.BytesIO(body)
    environ["CONTENT_LENGTH"] = str(len(body))
    environ.pop("wsgi.input_terminated")
    environ.pop("HTTP_TRANSFER_ENCODING", None)


class RequestMiddleware:
    """What every response gets, around Flask rather than in its hooks.

    The request id (echoed or minted, set for every log line), the security and
    CORS headers and the one access-log line work on the WSGI environ and the
    header list, so they cost no context-local lookups, and they reach every
    response: a route's, an error handler's, a preflight's. Which origins CORS
    allows is decided here only, preflights included.
    """

    def __init__(self, app: "WSGIApplication", cors_origins: Collection[str]) -> None:
        self.app = app
        self.cors_origins = frozenset(cors_origins)

    def __call__(
        self, environ: "WSGIEnvironment", start_response: "StartResponse"
    ) -> Iterable[bytes]:
        request_id = resolve_request_id(environ.get(ENVIRON_KEY))
        token = current_request_id.set(request_id)
        started = time.perf_counter()
        origin = environ.get("HTTP_ORIGIN")
        allowed = origin is not None and origin in self.cors_origins

        def start(
            status: str, headers: list[tuple[str, str]], exc_info: Any = None
        ) -> Callable[[bytes], object]:
            names = {name.lower() for name, _ in headers}
            headers.append((HEADER, request_id))
            headers.append(("X-Content-Type-Options", "nosniff"))
            if "cache-control" not in names:
                # Responses hold tokens and user data: no cache may keep them.
                headers.append(("Cache-Control", "no-store"))
            if allowed:
                headers.append(("Access-Control-Allow-Origin", str(origin)))
                headers.append(("Access-Control-Expose-Headers", HEADER))
                _vary_on_origin(headers)
            method = environ.get("REQUEST_METHOD")
            log_request(request_id, method, _path(environ), int(status[:3]), started)
            return start_response(status, headers, exc_info)

        try:
            if allowed and environ.get("REQUEST_METHOD") == "OPTIONS":
                return _preflight(environ, start)
            return self.app(environ, start)
        finally:
            current_request_id.reset(token)


def _preflight(
    environ: "WSGIEnvironment", start: Callable[[str, list[tuple[str, str]]], object]
) -> Iterable[bytes]:
    """A CORS preflight from an allowed origin: 200 (as browsers and Starlette expect),
    whatever the route allows, before Flask routes it."""
    requested = environ.get("HTTP_ACCESS_CONTROL_REQUEST_HEADERS", "*")
    start(
        "200 OK",
        [
            ("Content-Length", "0"),
            ("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE"),
            ("Access-Control-Allow-Headers", requested),
            ("Access-Control-Max-Age", "600"),
        ],
    )
    return [b""]


def _path(environ: "WSGIEnvironment") -> str:
    """The request path as Flask reads it: WSGI hands it over as latin-1, it was UTF-8."""
    raw: str = environ.get("PATH_INFO", "")
    return raw.encode("latin-1").decode("utf-8", "replace")


def _vary_on_origin(headers: list[tuple[str, str]]) -> None:
    for index, (name, value) in enumerate(headers):
        if name.lower() == "vary":
            if "origin" not in value.lower():
                headers[index] = (name, f"{value}, Origin")
            return
    headers.append(("Vary", "Origin"))


def install_request_hooks(app: Flask, settings: Settings) -> None:
    app.before_request(_start)
    app.wsgi_app = RequestMiddleware(app.wsgi_app, settings.cors_origins)  # type: ignore[method-assign]

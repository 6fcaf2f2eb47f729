"""Request ids, access log, security and CORS headers and the body size limit, per request."""

import io
import logging
import time
from typing import Any, NoReturn

from apiflask import HTTPError
from flask import Flask, Request, Response, g, request

from .errors import not_json
from .extensions import current_settings
from .logs import ACCESS_LOGGER
from .problems import FieldError
from .request_id import HEADER, current_request_id, resolve_request_id

access_logger = logging.getLogger(ACCESS_LOGGER)

TOO_LARGE = "The request body is larger than MAX_BODY_BYTES allows."
MISSING_BODY: FieldError = {"field": "body", "message": "Field required"}
_BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


class JsonRequest(Request):
    """Flask's request, with a body that is not JSON answered as invalid input (422)."""

    def on_json_loading_failed(self, e: ValueError | None) -> NoReturn:
        raise not_json() from e


def _start() -> Response | None:
    g.request_id = resolve_request_id(request.headers.get(HEADER))
    g.request_id_token = current_request_id.set(g.request_id)
    g.started = time.perf_counter()
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
    origin = request.headers.get("Origin")
    if request.method == "OPTIONS" and _allowed_origin(origin):
        # A CORS preflight: answered here (200, as browsers and Starlette expect),
        # whatever the route allows.
        preflight = Response(status=200)
        preflight.headers["Access-Control-Allow-Methods"] = "GET, POST, PUT, PATCH, DELETE"
        preflight.headers["Access-Control-Allow-Headers"] = request.headers.get(
            "Access-Control-Request-Headers", "*"
        )
        preflight.headers["Access-Control-Max-Age"] = "600"
        return preflight
    return None


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


def _allowed_origin(origin: str | None) -> bool:
    return origin is not None and origin in current_settings().cors_origins


def _finish(response: Response) -> Response:
    response.headers[HEADER] = g.request_id
    response.headers["X-Content-Type-Options"] = "nosniff"
    # Responses hold tokens and user data: no cache may keep them.
    response.headers.setdefault("Cache-Control", "no-store")
    origin = request.headers.get("Origin")
    if _allowed_origin(origin):
        response.headers["Access-Control-Allow-Origin"] = str(origin)
        response.headers["Access-Control-Expose-Headers"] = HEADER
        response.vary.add("Origin")
    access_logger.info(
        "request",
        extra={
            "request_id": g.request_id,
            "method": request.method,
            # The path only: query strings can carry tokens and codes.
            "path": request.path,
            "status": response.status_code,
            "duration_ms": round((time.perf_counter() - g.started) * 1000, 2),
        },
    )
    return response


def _reset(_error: BaseException | None) -> None:
    token: Any = g.pop("request_id_token", None)
    if token is not None:
        current_request_id.reset(token)


def install_request_hooks(app: Flask) -> None:
    app.before_request(_start)
    app.after_request(_finish)
    app.teardown_request(_reset)

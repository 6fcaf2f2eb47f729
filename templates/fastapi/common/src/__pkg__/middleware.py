"""Request id, access log and last-resort 500, for every HTTP request.

A pure ASGI middleware rather than Starlette's BaseHTTPMiddleware: it wraps
`send`, so every response gets X-Request-ID, including the 500 it writes
itself when the app raises, and it does not buffer streaming responses.
"""

import logging
import time

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import problem_response
from .logs import ACCESS_LOGGER
from .request_id import HEADER, current_request_id, resolve_request_id

logger = logging.getLogger(__name__)
access_logger = logging.getLogger(ACCESS_LOGGER)


class RequestContextMiddleware:
    """Outermost middleware: everything inside it runs with a request id."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        request_id = resolve_request_id(Headers(scope=scope).get(HEADER))
        scope.setdefault("state", {})["request_id"] = request_id
        token = current_request_id.set(request_id)
        started = time.perf_counter()
        status: int | None = None

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message)[HEADER] = request_id
            await send(message)

        try:
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
        finally:
            access_logger.info(
                "request",
                extra={
                    "request_id": request_id,
                    "method": scope["method"],
                    # The path only: query strings can carry tokens and codes.
                    "path": scope["path"],
                    "status": status,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                },
            )
            current_request_id.reset(token)

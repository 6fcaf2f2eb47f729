"""Request id, access log and last-resort 500, for every HTTP request.

A pure ASGI middleware rather than Starlette's BaseHTTPMiddleware: it wraps
`send`, so every response gets X-Request-ID, including the 500 it writes
itself when the app raises, and it does not buffer streaming responses.
"""

import logging
import time

from fastapi import HTTPException
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import problem_response
from .logs import log_request
from .request_id import HEADER, current_request_id, resolve_request_id

logger = logging.getLogger(__name__)


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
                headers = MutableHeaders(scope=message)
                headers[HEADER] = request_id
                headers["X-Content-Type-Options"] = "nosniff"
                # Responses hold tokens and user data: no cache may keep them.
                headers.setdefault("Cache-Control", "no-store")
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
            log_request(request_id, scope["method"], scope["path"], status, started)
            current_request_id.reset(token)


TOO_LARGE = "The request body is larger than MAX_BODY_BYTES allows."


class BodyLimitMiddleware:
    """Refuses a request body over `max_body_bytes` with 413 before the app parses it.

    A declared Content-Length is refused before any of the body is read; a body
    sent without one (chunked) is counted as it arrives and refused once over.
    """

    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

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

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    # An HTTPException, so the app's own handler answers it as a problem.
                    raise HTTPException(413, TOO_LARGE)
            return message

        await self.app(scope, counted_receive, send)

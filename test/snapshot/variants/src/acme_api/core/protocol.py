"""The HTTP/1.1 protocol `serve` runs: uvicorn's, with a deadline and a size limit on request heads.

uvicorn times a connection out only while it idles between requests
(`timeout_keep_alive`). A client that connects and sends its request line and
headers slowly, or never finishes them, would hold the connection forever, and
nothing bounds the size of the headers it sends. Here each request head must
arrive whole within a deadline and fit in MAX_HEAD_BYTES; otherwise the client
gets 408 or 431 and the connection is closed.
"""

import asyncio
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

# A request line and headers larger than this are refused (browsers send a few KiB).
MAX_HEAD_BYTES = 64 * 1024


def _bare_response(status: int, reason: str) -> bytes:
    return f"HTTP/1.1 {status} {reason}\r\ncontent-length: 0\r\nconnection: close\r\n\r\n".encode()


REQUEST_TIMEOUT = _bare_response(408, "Request Timeout")
HEAD_TOO_LARGE = _bare_response(431, "Request Header Fields Too Large")


class BoundedHeadProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol, refusing request heads that come too slowly or are too big."""

    # Seconds a client has for a request line and headers; `with_head_timeout` sets it.
    head_timeout_seconds = 10.0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._head_deadline: asyncio.TimerHandle | None = None
        # Bytes received of the request head being read; None between a head and the next.
        self._head_bytes: int | None = 0

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._start_deadline()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_deadline()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self._head_bytes is not None:
            self._head_bytes += len(data)
        super().data_received(data)
        # Still no end of the head after all that: it is too big.
        if self._head_bytes is not None and self._head_bytes > MAX_HEAD_BYTES:
            self._refuse(HEAD_TOO_LARGE)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        # A keep-alive connection's next request: its head gets a deadline of its own.
        if self._head_deadline is None:
            self._start_deadline()

    def on_headers_complete(self) -> None:
        self._cancel_deadline()
        self._head_bytes = None
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        super().on_message_complete()
        self._head_bytes = 0  # what comes next is the next request's head

    def _start_deadline(self) -> None:
        self._head_deadline = self.loop.call_later(
            self.head_timeout_seconds, self._refuse, REQUEST_TIMEOUT
        )

    def _cancel_deadline(self) -> None:
        if self._head_deadline is not None:
            self._head_deadline.cancel()
            self._head_deadline = None

    def _refuse(self, response: bytes) -> None:
        self._cancel_deadline()
        if not self.transport.is_closing():
            self.transport.write(response)
            self.transport.close()


def with_head_timeout(seconds: float) -> type[BoundedHeadProtocol]:
    """The protocol class for uvicorn's `http` option, with this deadline for request heads."""
    return type("BoundedHeadProtocol", (BoundedHeadProtocol,), {"head_timeout_seconds": seconds})

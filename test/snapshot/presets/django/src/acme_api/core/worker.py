"""The gunicorn worker `serve` runs: gthread, with a deadline and a size limit on request heads.

gunicorn's gthread worker waits a few seconds for a new connection's first
bytes, then parks it until keep-alive runs out and closes it without a word;
once bytes come it reads the request head in a thread with no deadline at all.
A client that sends its request line and headers slowly holds that thread for
as long as it likes. Here each request head must arrive whole within
HEADERS_TIMEOUT_SECONDS and fit in MAX_HEAD_BYTES; otherwise the client gets
408 or 431 and the connection is closed. It builds on gthread's internals as of
gunicorn 27 (parked connections, the data wait), hence the pin to 27.x.
"""

import contextlib
import socket
import time
from typing import Any

# gunicorn ships no type information.
from gunicorn.workers import gthread  # type: ignore[import-untyped]

# A request line and headers larger than this are refused (browsers send a few KiB).
MAX_HEAD_BYTES = 64 * 1024


def _bare_response(status: int, reason: str) -> bytes:
    return f"HTTP/1.1 {status} {reason}\r\ncontent-length: 0\r\nconnection: close\r\n\r\n".encode()


REQUEST_TIMEOUT = _bare_response(408, "Request Timeout")
HEAD_TOO_LARGE = _bare_response(431, "Request Header Fields Too Large")


def _refuse(sock: socket.socket, response: bytes) -> None:
    """Answer and end the connection; a client already gone is no error."""
    with contextlib.suppress(OSError):
        sock.sendall(response)
        sock.shutdown(socket.SHUT_RDWR)


class HeadDeadlineSocket:
    """The socket gunicorn's parser reads from, bounded while a request head comes in.

    Each read waits at most until the head's deadline, and the head may not
    outgrow MAX_HEAD_BYTES; past either, the client is answered and the read
    returns nothing, which gunicorn takes as a client gone. Once the head is
    parsed (`head_done`), reads are the socket's own again.
    """

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.deadline: float | None = None
        self.received = 0

    def head_starts(self, deadline: float) -> None:
        self.deadline, self.received = deadline, 0

    def head_done(self) -> None:
        self.deadline = None
        self.sock.settimeout(None)

    def recv(self, size: int) -> bytes:
        if self.deadline is None:
            return self.sock.recv(size)
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            _refuse(self.sock, REQUEST_TIMEOUT)
            return b""
        self.sock.settimeout(remaining)
        try:
            data = self.sock.recv(size)
        except TimeoutError:
            _refuse(self.sock, REQUEST_TIMEOUT)
            return b""
        self.received += len(data)
        if self.received > MAX_HEAD_BYTES:
            _refuse(self.sock, HEAD_TOO_LARGE)
            return b""
        return data

    def __getattr__(self, name: str) -> Any:
        return getattr(self.sock, name)


class BoundedHeadWorker(gthread.ThreadWorker):  # type: ignore[misc]
    """gthread, refusing request heads that come too slowly or are too big.

    `with_head_timeout` sets the deadline; gunicorn makes the worker from this class's path.
    """

    head_timeout_seconds = 10.0

    def _head_socket(self, conn: Any) -> HeadDeadlineSocket | None:
        head: HeadDeadlineSocket | None = getattr(conn, "head_socket", None)
        return head

    def handle(self, conn: Any) -> Any:
        """One request on `conn`; its head is timed from the connection, or from its first byte."""
        now = time.monotonic()
        deadline: float = getattr(conn, "head_deadline", None) or now + self.head_timeout_seconds
        conn.head_deadline = deadline
        if not conn.initialized:
            if not conn.data_ready:
                wait = min(gthread.DEFAULT_WORKER_DATA_TIMEOUT, deadline - now)
                if not conn.wait_for_data(max(wait, 0.0)):
                    if time.monotonic() >= deadline:
                        _refuse(conn.sock, REQUEST_TIMEOUT)
                        return False
                    return gthread._DEFER  # parked until data comes, or murder_pending
            conn.sock.setblocking(True)
            conn.init()
        head = self._head_socket(conn)
        if head is None and conn.parser is not None and not conn.is_http2:
            head = HeadDeadlineSocket(conn.parser.unreader.sock)
            conn.parser.unreader.sock = head
            conn.head_socket = head
        if head is not None:
            head.head_starts(deadline)
        try:
            return super().handle(conn)
        finally:
            # The next request's head on this connection is timed from its own first byte.
            conn.head_deadline = None

    def handle_request(self, req: Any, conn: Any) -> Any:
        head = self._head_socket(conn)
        if head is not None:
            head.head_done()
        return super().handle_request(req, conn)

    def _cap_keepalive(self, deadline: float) -> None:
        # Stopping: idle kept-alive connections close now, as uvicorn closes them;
        # requests in flight still have SHUTDOWN_GRACE_SECONDS to finish.
        super()._cap_keepalive(time.monotonic())

    def murder_pending(self) -> None:
        """Parked connections that sent nothing by their head's deadline, or at a stop: 408."""
        now = time.monotonic()
        while self.pending_conns and (not self.alive or self.pending_conns[0].head_deadline <= now):
            conn = self.pending_conns.popleft()
            with contextlib.suppress(OSError, KeyError, ValueError):  # already unregistered
                self.poller.unregister(conn.sock)
            self.nr_conns -= 1
            _refuse(conn.sock, REQUEST_TIMEOUT)
            conn.close()


def with_head_timeout(seconds: float) -> type[BoundedHeadWorker]:
    """The worker class for gunicorn's `worker_class`, with this deadline for request heads."""
    return type("BoundedHeadWorker", (BoundedHeadWorker,), {"head_timeout_seconds": seconds})

"""The request-head deadline and size limit, on a protocol fed bytes by hand.

A unit test kept beside the in-process layers rather than in tests/unit, so a
project with integration tests only runs it too: only served e2e requests would
otherwise reach `core/protocol.py`.
"""

import asyncio

import pytest
from uvicorn.config import Config
from uvicorn.server import ServerState

from acme_api.core.protocol import (
    MAX_HEAD_BYTES,
    BoundedHeadProtocol,
    with_head_timeout,
)

pytestmark = pytest.mark.unit


class Transport(asyncio.Transport):
    """Keeps what the protocol writes, and whether it closed the connection."""

    def __init__(self) -> None:
        super().__init__()
        self.written = b""
        self.closed = False

    def write(self, data: bytes | bytearray | memoryview) -> None:
        self.written += bytes(data)

    def close(self) -> None:
        self.closed = True

    def is_closing(self) -> bool:
        return self.closed

    def get_extra_info(self, name: str, default: object = None) -> object:
        addresses = {"peername": ("127.0.0.1", 50000), "sockname": ("127.0.0.1", 8000)}
        return addresses.get(name, default)

    def pause_reading(self) -> None:
        pass

    def resume_reading(self) -> None:
        pass


async def _ok(scope: object, receive: object, send: object) -> None:
    await send({"type": "http.response.start", "status": 204, "headers": []})  # type: ignore[operator]
    await send({"type": "http.response.body", "body": b""})  # type: ignore[operator]


async def _fed(*chunks: bytes, wait: float = 0.0) -> Transport:
    config = Config(_ok, log_config=None)
    config.load()
    protocol_class: type[BoundedHeadProtocol] = with_head_timeout(0.05)
    protocol = protocol_class(config, ServerState(), {}, _loop=asyncio.get_running_loop())
    transport = Transport()
    protocol.connection_made(transport)
    for chunk in chunks:
        protocol.data_received(chunk)
    await asyncio.sleep(wait)
    protocol.connection_lost(None)
    return transport


@pytest.mark.parametrize("chunks", [(), (b"GET / HTTP/1.1\r\nHost: x\r\n",)])
def test_a_head_that_does_not_come_in_time_is_a_408(chunks: tuple[bytes, ...]) -> None:
    transport = asyncio.run(_fed(*chunks, wait=0.2))
    assert transport.written.startswith(b"HTTP/1.1 408 ")
    assert transport.closed


def test_a_head_over_the_limit_is_a_431() -> None:
    head = b"GET / HTTP/1.1\r\nX-Big: " + b"a" * MAX_HEAD_BYTES
    transport = asyncio.run(_fed(head))
    assert transport.written.startswith(b"HTTP/1.1 431 ")
    assert transport.closed


def test_a_head_that_comes_in_time_is_served() -> None:
    transport = asyncio.run(_fed(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n", wait=0.2))
    assert transport.written.startswith(b"HTTP/1.1 204 ")
    assert b"408" not in transport.written

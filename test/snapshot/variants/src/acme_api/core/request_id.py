"""Request ids: echo a caller's id when it is safe to, otherwise mint one."""

import re
import uuid
from contextvars import ContextVar

HEADER = "X-Request-ID"
# The same header as a WSGI environ names it (Flask and Django are served through WSGI).
ENVIRON_KEY = f"HTTP_{HEADER.upper().replace('-', '_')}"
_SAFE = re.compile(r"[A-Za-z0-9._-]{1,128}")

# Set for the duration of a request, so every log line can carry the id.
current_request_id: ContextVar[str | None] = ContextVar("request_id", default=None)


def resolve_request_id(incoming: str | None) -> str:
    """The incoming id if it is 1-128 characters of A-Za-z0-9._-, else a new UUID."""
    if incoming is not None and _SAFE.fullmatch(incoming):
        return incoming
    return str(uuid.uuid4())

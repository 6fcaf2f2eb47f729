"""`GET /health`, answered for the served app before the framework sees it.

Load balancers and orchestrators probe every worker every few seconds, and the
answer needs nothing the framework does: no routing, no session, no serializer.
So it is given here, with what every response gets (the request id, `nosniff`,
`no-store`) and its access-log line, at a fraction of the framework's cost per
request. Everything else goes on to the framework: another method (a 405), any
other path, and a request with an `Origin`, whose CORS headers are the
framework's to decide. The framework's own /health route stays: it is what
/openapi.json documents and what in-process test clients reach.
"""

import time
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .logs import log_request
from .request_id import ENVIRON_KEY, HEADER, current_request_id, resolve_request_id

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIApplication, WSGIEnvironment

PATH = "/health"
BODY = b'{"status":"ok"}'
_METHODS = frozenset({"GET", "HEAD"})


class LivenessProbe:
    """WSGI, around the served app: answers `GET` and `HEAD /health` itself."""

    def __init__(self, app: "WSGIApplication") -> None:
        self.app = app

    def __call__(
        self, environ: "WSGIEnvironment", start_response: "StartResponse"
    ) -> Iterable[bytes]:
        method = environ.get("REQUEST_METHOD", "")
        probe = environ.get("PATH_INFO") == PATH and method in _METHODS
        if not probe or "HTTP_ORIGIN" in environ:
            return self.app(environ, start_response)
        started = time.perf_counter()
        request_id = resolve_request_id(environ.get(ENVIRON_KEY))
        token = current_request_id.set(request_id)
        try:
            headers = [
                ("Content-Type", "application/json"),
                ("Content-Length", str(len(BODY))),
                (HEADER, request_id),
                ("X-Content-Type-Options", "nosniff"),
                ("Cache-Control", "no-store"),
            ]
            start_response("200 OK", headers)
            log_request(request_id, method, PATH, 200, started)
        finally:
            current_request_id.reset(token)
        return [b"" if method == "HEAD" else BODY]

"""The liveness probe around the served app, driven as WSGI in-process.

A unit test kept beside the in-process layers rather than in tests/unit, so a
project with integration tests only runs it too: only served e2e requests would
otherwise reach `core/probe.py`.
"""

import json
import logging
from collections.abc import Callable, Iterable
from typing import Any

import pytest

from acme_api.core.logs import ACCESS_LOGGER
from acme_api.core.probe import LivenessProbe

pytestmark = pytest.mark.unit

Headers = list[tuple[str, str]]


class Framework:
    """Stands for the framework behind the probe: counts what reaches it."""

    def __init__(self) -> None:
        self.paths: list[str] = []

    def __call__(
        self, environ: dict[str, Any], start_response: Callable[[str, Headers], object]
    ) -> Iterable[bytes]:
        self.paths.append(f"{environ['REQUEST_METHOD']} {environ['PATH_INFO']}")
        start_response("405 Method Not Allowed", [])
        return [b"framework"]


def _call(app: LivenessProbe, method: str, path: str, **headers: str) -> tuple[str, Headers, bytes]:
    started: list[tuple[str, Headers]] = []

    def start_response(
        status: str, headers: Headers, exc_info: object = None
    ) -> Callable[[bytes], object]:
        started.append((status, headers))
        return lambda _: None

    environ = {"REQUEST_METHOD": method, "PATH_INFO": path, **headers}
    body = b"".join(app(environ, start_response))
    [(status, response_headers)] = started
    return status, response_headers, body


def test_get_health_is_answered_before_the_framework_with_its_headers_and_log_line(
    caplog: pytest.LogCaptureFixture,
) -> None:
    framework = Framework()
    with caplog.at_level(logging.INFO, logger=ACCESS_LOGGER):
        status, headers, body = _call(
            LivenessProbe(framework), "GET", "/health", HTTP_X_REQUEST_ID="probe-1"
        )

    assert framework.paths == []
    assert (status, json.loads(body)) == ("200 OK", {"status": "ok"})
    assert dict(headers) == {
        "Content-Type": "application/json",
        "Content-Length": str(len(body)),
        "X-Request-ID": "probe-1",
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "no-store",
    }
    [line] = [r for r in caplog.records if r.name == ACCESS_LOGGER]
    fields = {k: getattr(line, k) for k in ("request_id", "method", "path", "status")}
    assert fields == {"request_id": "probe-1", "method": "GET", "path": "/health", "status": 200}


def test_an_unsafe_request_id_is_replaced_and_head_has_no_body() -> None:
    probe = LivenessProbe(Framework())
    _, _, get_body = _call(probe, "GET", "/health")
    _, headers, body = _call(probe, "HEAD", "/health", HTTP_X_REQUEST_ID="a\nb")
    request_id = dict(headers)["X-Request-ID"]
    assert request_id != "a\nb"
    assert len(request_id) == 36  # a new UUID
    assert body == b""
    assert dict(headers)["Content-Length"] == str(len(get_body))  # what GET sends


@pytest.mark.parametrize(
    ("method", "path", "headers"),
    [
        ("DELETE", "/health", {}),  # the framework's 405
        ("GET", "/health/", {}),
        ("GET", "/ready", {}),
        # A browser's: the framework decides its CORS headers.
        ("GET", "/health", {"HTTP_ORIGIN": "https://app.example"}),
    ],
)
def test_anything_else_goes_to_the_framework(
    method: str, path: str, headers: dict[str, str]
) -> None:
    framework = Framework()
    status, _, body = _call(LivenessProbe(framework), method, path, **headers)
    assert framework.paths == [f"{method} {path}"]
    assert (status, body) == ("405 Method Not Allowed", b"framework")

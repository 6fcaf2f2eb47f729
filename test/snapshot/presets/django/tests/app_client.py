"""The app under test, behind an httpx client, as the other test layers reach it.

Requests go through Django's own test client (the whole middleware stack, no
socket), so tests read the same whatever the web framework. The URLs are the
app's own plus the probe routes of `tests.probe_urls`, which raise what the
real routes cannot yet.
"""

from collections.abc import Iterator
from contextlib import contextmanager

import httpx2
from django.test import Client, override_settings

PROBE_URLCONF = "tests.probe_urls"


class DjangoTransport(httpx2.BaseTransport):
    """httpx requests answered by Django's test client, without a server or a socket."""

    def __init__(self) -> None:
        # CSRF checked as a served app checks it (Django's test client skips it by default).
        self.client = Client(enforce_csrf_checks=True, raise_request_exception=False)

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        body = request.read()
        headers = {
            name: value
            for name, value in request.headers.items()
            if name.lower() not in ("host", "content-length", "content-type")
        }
        query = request.url.query.decode("ascii")
        response = self.client.generic(
            request.method,
            f"{request.url.path}?{query}" if query else request.url.path,
            data=body,
            content_type=request.headers.get("content-type", ""),
            headers=headers,
        )
        # The cookies go to httpx's jar, as a server's would: Django's client keeps none.
        cookies = [("Set-Cookie", morsel.OutputString()) for morsel in response.cookies.values()]
        self.client.cookies.clear()
        return httpx2.Response(
            response.status_code,
            headers=[*response.items(), *cookies],
            content=b"" if response.streaming else response.content,
        )


@contextmanager
def app_client() -> Iterator[httpx2.Client]:
    """A client of the app; its database, if a test has one, is pytest-django's test database."""
    with (
        override_settings(ROOT_URLCONF=PROBE_URLCONF),
        httpx2.Client(transport=DjangoTransport(), base_url="http://testserver") as client,
    ):
        yield client

"""The app under test, behind an httpx client, as the other test layers reach it.

Requests go through Django's own test client (the whole middleware stack, no
socket), so tests read the same whatever the web framework.
"""

import httpx2
from django.test import Client


class DjangoTransport(httpx2.BaseTransport):
    """httpx requests answered by Django's test client, without a server or a socket."""

    def __init__(self) -> None:
        self.client = Client(raise_request_exception=False)

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
        return httpx2.Response(
            response.status_code,
            headers=list(response.items()),
            content=b"" if response.streaming else response.content,
        )


def app_client() -> httpx2.Client:
    """A client of the app; its database is the test's (pytest-django's `db` fixture)."""
    return httpx2.Client(transport=DjangoTransport(), base_url="http://testserver")

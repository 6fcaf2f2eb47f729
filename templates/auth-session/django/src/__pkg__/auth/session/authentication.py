"""The session cookie as a DRF authentication class, with Django's CSRF check on unsafe methods.

The CSRF token lives in the session (CSRF_USE_SESSIONS) and comes back in the
`X-CSRF-Token` header (CSRF_HEADER_NAME): another site can neither read it nor
make a browser send a custom header without CORS allowing it first.
"""

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.http.multipartparser import MultiPartParserError
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework.authentication import CSRFCheck, SessionAuthentication
from rest_framework.exceptions import PermissionDenied, UnsupportedMediaType
from rest_framework.request import Request

CSRF_HEADER = "X-CSRF-Token"


def _no_view(request: HttpRequest) -> HttpResponse:
    """What the CSRF check, run as a middleware, stands in front of: nothing it calls."""
    return HttpResponse(status=204)


class SessionCsrfCheck(CSRFCheck):
    """Django's CSRF check, less its Referer rule for HTTPS requests without `Origin`.

    Django demands a same-origin `Referer` from an HTTPS request that has no
    `Origin`, so that a man in the middle on plain HTTP cannot submit a form
    with a CSRF cookie and token of its own choosing. Here the token is the
    session's, held on the server, and must arrive in a header, which no form
    sets: that attack has nothing to plant. Browsers send `Origin` with every
    cross-origin unsafe request, and a wrong one is still refused; a request
    without one (an API client, a same-origin script of an older browser)
    passes on the token alone.
    """

    def _check_referer(self, request: HttpRequest) -> None:
        return None


class CookieSessionAuthentication(SessionAuthentication):
    """The session's user; an unsafe method also needs the session's CSRF token in a header."""

    keyword = "Session"
    # What a 401 advises (core/errors.py).
    how_to_authenticate = "log in at `POST /api/v1/auth/login` and send its session cookie"

    def authenticate_header(self, request: Request) -> str:
        # Also what makes DRF answer 401 (not 403) to a request without a session.
        return self.keyword

    def enforce_csrf(self, request: Request) -> None:
        # Run as the middleware runs around a view (one it never calls, being a check only).
        check = SessionCsrfCheck(_no_view)
        # Reads the session's CSRF secret into request.META, where the check compares it.
        check.process_request(request._request)
        try:
            reason = check.process_view(request._request, _no_view, (), {})
        except MultiPartParserError:
            # Django's check looks for a form's token in a POST body before the header;
            # a form it cannot parse is one the API would refuse anyway: it takes JSON.
            raise UnsupportedMediaType(request.content_type) from None
        if reason:
            detail = f"CSRF check failed: {reason} Send the login's csrf_token in {CSRF_HEADER}."
            raise PermissionDenied(detail)


class SessionScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    """The OpenAPI security scheme of CookieSessionAuthentication: the session cookie."""

    target_class = CookieSessionAuthentication
    name = "session"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {"type": "apiKey", "in": "cookie", "name": settings.SESSION_COOKIE_NAME}

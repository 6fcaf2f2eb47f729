"""How a session travels over HTTP, the same for every web framework.

The cookie holds the session token; a script on another site can make the
browser send it, so every unsafe request must also echo the session's CSRF
token in a header, which only pages that read the login answer know.
"""

from dataclasses import dataclass

from ...core.settings import Settings

COOKIE_NAME = "sessionid"
CSRF_HEADER = "X-CSRF-Token"
# RFC 9110's safe methods change nothing, so a forged one gains an attacker nothing.
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
# RFC 9110 §11.6.1: a 401 names the scheme to use; "Session" says "log in for a cookie".
CHALLENGE = {"WWW-Authenticate": "Session"}
MISSING = "Authentication required: log in at `POST /api/v1/auth/login` for a session cookie."
INVALID = "The session is invalid or has expired; log in again."
WRONG_CSRF = f"This request needs the session's CSRF token in the `{CSRF_HEADER}` header."


@dataclass(frozen=True)
class CookieAttributes:
    """What `set_cookie` needs, in the argument names Starlette and Werkzeug share."""

    max_age: int
    secure: bool
    httponly: bool = True
    samesite: str = "lax"
    path: str = "/"


def cookie_attributes(settings: Settings) -> CookieAttributes:
    # Secure only in production: development and tests serve plain HTTP on loopback.
    return CookieAttributes(
        max_age=settings.session_max_age_seconds, secure=settings.app_env == "production"
    )


def needs_csrf(method: str) -> bool:
    return method.upper() not in SAFE_METHODS

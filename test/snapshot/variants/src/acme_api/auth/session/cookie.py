"""Who is calling: the session cookie, resolved to a user, or a 401 (403 without CSRF)."""

from apiflask import APIKeyCookieAuth, HTTPError
from flask import Response, g, request

from ...core.errors import problem_response
from ...core.extensions import current_settings
from ...core.unit_of_work import db_session
from ..models import User
from ..service import AuthenticationError
from .service import CsrfError, SessionService
from .transport import CHALLENGE, COOKIE_NAME, CSRF_HEADER, INVALID, MISSING, WRONG_CSRF, needs_csrf

cookie = APIKeyCookieAuth(
    scheme="Session",
    param_name=COOKIE_NAME,
    description="The session cookie `POST /api/v1/auth/login` sets.",
)


def session_service() -> SessionService:
    return SessionService(db_session(), current_settings())


def unauthorized(detail: str) -> HTTPError:
    return HTTPError(401, detail, headers=CHALLENGE)


def _verify(token: str) -> User | None:
    g.session_detail = MISSING if not token else INVALID
    if not token:
        return None
    try:
        return session_service().user_of(
            token, request.headers.get(CSRF_HEADER), unsafe=needs_csrf(request.method)
        )
    except AuthenticationError:
        return None
    except CsrfError:
        raise HTTPError(403, WRONG_CSRF) from None


def _refused(error: HTTPError) -> Response:
    detail: str = g.get("session_detail", MISSING)
    return problem_response(error.status_code, detail=detail, headers=CHALLENGE)


cookie.verify_token(_verify)
cookie.error_processor(_refused)

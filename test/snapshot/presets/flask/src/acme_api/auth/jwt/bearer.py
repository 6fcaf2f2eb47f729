"""Who is calling: the bearer access token, resolved to a user, or a 401."""

from apiflask import HTTPError, HTTPTokenAuth
from flask import Response, g

from ...core.errors import problem_response
from ...core.extensions import current_settings
from ...core.unit_of_work import db_session
from ..models import User
from ..service import AuthenticationError
from .service import TokenService

# A missing or non-Bearer header is a 401 too, with the scheme to use (RFC 6750).
CHALLENGE = {"WWW-Authenticate": "Bearer"}
MISSING = "Authentication required: send `Authorization: Bearer <token>`."
INVALID = "The access token is invalid or has expired."

bearer = HTTPTokenAuth(description="An access token from `POST /api/v1/auth/login`.")


def token_service() -> TokenService:
    return TokenService(db_session(), current_settings())


def unauthorized(detail: str) -> HTTPError:
    """A 401 that tells the client which scheme to use."""
    return HTTPError(401, detail, headers=CHALLENGE)


def _verify(token: str) -> User | None:
    g.bearer_detail = MISSING if not token else INVALID
    if not token:
        return None
    try:
        return token_service().user_of_access_token(token)
    except AuthenticationError:
        return None


def _refused(error: HTTPError) -> Response:
    detail: str = g.get("bearer_detail", MISSING)
    return problem_response(error.status_code, detail=detail, headers=CHALLENGE)


bearer.verify_token(_verify)
bearer.error_processor(_refused)

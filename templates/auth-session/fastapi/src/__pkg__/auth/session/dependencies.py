"""Who is calling: the session cookie, resolved to a user, or a 401 (403 without CSRF)."""

from typing import Annotated

from fastapi import Depends, Header, HTTPException, Request, status
from fastapi.security import APIKeyCookie

from ...core.deps import SessionDep, SettingsDep
from ..models import User
from ..service import AuthenticationError
from .service import CsrfError, SessionService
from .transport import CHALLENGE, COOKIE_NAME, CSRF_HEADER, INVALID, MISSING, WRONG_CSRF, needs_csrf

# auto_error=False: a missing cookie is our 401 below, with the scheme to use.
cookie = APIKeyCookie(
    name=COOKIE_NAME,
    auto_error=False,
    description="The session cookie `POST /api/v1/auth/login` sets.",
)


def unauthorized(detail: str) -> HTTPException:
    return HTTPException(status.HTTP_401_UNAUTHORIZED, detail, headers=CHALLENGE)


async def session_service(session: SessionDep, settings: SettingsDep) -> SessionService:
    return SessionService(session, settings)


SessionsDep = Annotated[SessionService, Depends(session_service)]
SessionToken = Annotated[str | None, Depends(cookie)]


def current_user(
    token: SessionToken,
    sessions: SessionsDep,
    request: Request,
    csrf_token: Annotated[
        str | None,
        Header(alias=CSRF_HEADER, description="The login's `csrf_token`; needed unless GET."),
    ] = None,
) -> User:
    if not token:
        raise unauthorized(MISSING)
    try:
        return sessions.user_of(token, csrf_token, unsafe=needs_csrf(request.method))
    except AuthenticationError:
        raise unauthorized(INVALID) from None
    except CsrfError:
        raise HTTPException(status.HTTP_403_FORBIDDEN, WRONG_CSRF) from None


CurrentUser = Annotated[User, Depends(current_user)]

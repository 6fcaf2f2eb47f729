"""Who is calling: the bearer access token, resolved to a user, or a 401."""

from typing import Annotated

from fastapi import Depends, HTTPException, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from ...core.deps import SessionDep, SettingsDep
from ..models import User
from ..service import AuthenticationError
from .service import TokenService

# auto_error=False: a missing or non-Bearer header is our 401 below, not FastAPI's 403.
bearer = HTTPBearer(auto_error=False, description="An access token from `POST /api/v1/auth/login`.")


def unauthorized(detail: str) -> HTTPException:
    """A 401 that tells the client which scheme to use (RFC 6750)."""
    return HTTPException(
        status.HTTP_401_UNAUTHORIZED, detail, headers={"WWW-Authenticate": "Bearer"}
    )


async def token_service(session: SessionDep, settings: SettingsDep) -> TokenService:
    return TokenService(session, settings)


TokensDep = Annotated[TokenService, Depends(token_service)]


def current_user(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    tokens: TokensDep,
) -> User:
    if credentials is None:
        raise unauthorized("Authentication required: send `Authorization: Bearer <token>`.")
    try:
        return tokens.user_of_access_token(credentials.credentials)
    except AuthenticationError:
        raise unauthorized("The access token is invalid or has expired.") from None


CurrentUser = Annotated[User, Depends(current_user)]

"""`/api/v1/auth`: log in for a token pair, rotate it, log out."""

from fastapi import APIRouter, Request, status

from ...core.openapi import problem_responses
from ..dependencies import UsersDep
from ..routes import authenticated
from ..schemas import Credentials
from ..service import AuthenticationError
from .dependencies import CurrentUser, TokensDep, unauthorized
from .schemas import RefreshRequest, TokenPair

router = APIRouter(prefix="/api/v1/auth", tags=["auth"], responses=problem_responses(422))


@router.post("/login", responses=problem_responses(401, 429))
def login(body: Credentials, users: UsersDep, tokens: TokensDep, request: Request) -> TokenPair:
    return tokens.login(authenticated(users, body, request, unauthorized))


@router.post("/refresh", responses=problem_responses(401))
def refresh(body: RefreshRequest, tokens: TokensDep) -> TokenPair:
    try:
        return tokens.refresh(body.refresh_token)
    except AuthenticationError:
        raise unauthorized("The refresh token is invalid, used or expired.") from None


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT, responses=problem_responses(401))
def logout(body: RefreshRequest, user: CurrentUser, tokens: TokensDep) -> None:
    try:
        tokens.logout(user, body.refresh_token)
    except AuthenticationError:
        raise unauthorized("The refresh token is invalid, used or expired.") from None

"""`/api/v1/auth`: log in for a token pair, rotate it, log out."""

from fastapi import APIRouter, Request, status

from ...core.openapi import problem_responses
from ..dependencies import UsersDep
from ..routes import client_address, too_many
from ..schemas import Credentials
from ..service import AuthenticationError
from ..throttle import TooManyAttemptsError
from .dependencies import CurrentUser, TokensDep, unauthorized
from .schemas import RefreshRequest, TokenPair

router = APIRouter(prefix="/api/v1/auth", tags=["auth"], responses=problem_responses(422))


@router.post("/login", responses=problem_responses(401, 429))
def login(body: Credentials, users: UsersDep, tokens: TokensDep, request: Request) -> TokenPair:
    try:
        user = users.authenticate(body.email, body.password, client_address(request))
    except TooManyAttemptsError as error:
        raise too_many(error, "Too many failed logins; try again later.") from None
    except AuthenticationError:
        # The same answer for an unknown email and a wrong password.
        raise unauthorized("Wrong email or password.") from None
    return tokens.login(user)


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

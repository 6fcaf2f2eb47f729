"""`/api/v1/auth`: register, log in, rotate tokens, log out, and who am I."""

from fastapi import APIRouter, HTTPException, Request, status

from ..core.openapi import problem_responses
from .dependencies import AuthDep, CurrentUser, unauthorized
from .models import User
from .schemas import Credentials, RefreshRequest, Registration, TokenPair, UserRead
from .service import AuthenticationError, EmailTakenError
from .throttle import TooManyAttemptsError

router = APIRouter(prefix="/api/v1/auth", tags=["auth"], responses=problem_responses(422))


@router.post(
    "/register",
    status_code=status.HTTP_201_CREATED,
    response_model=UserRead,
    responses=problem_responses(409),
)
def register(body: Registration, auth: AuthDep) -> User:
    try:
        return auth.register(body)
    except EmailTakenError:
        raise HTTPException(status.HTTP_409_CONFLICT, "That email is taken.") from None


@router.post("/login", responses=problem_responses(401, 429))
def login(body: Credentials, auth: AuthDep, request: Request) -> TokenPair:
    client = request.client.host if request.client else None
    try:
        return auth.login(body.email, body.password, client)
    except TooManyAttemptsError as error:
        raise HTTPException(
            status.HTTP_429_TOO_MANY_REQUESTS,
            "Too many failed logins; try again later.",
            headers={"Retry-After": str(error.retry_after)},
        ) from None
    except AuthenticationError:
        # The same answer for an unknown email and a wrong password.
        raise unauthorized("Wrong email or password.") from None


@router.post("/refresh", responses=problem_responses(401))
def refresh(body: RefreshRequest, auth: AuthDep) -> TokenPair:
    try:
        return auth.refresh(body.refresh_token)
    except AuthenticationError:
        raise unauthorized("The refresh token is invalid, used or expired.") from None


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT, responses=problem_responses(401))
def logout(body: RefreshRequest, user: CurrentUser, auth: AuthDep) -> None:
    try:
        auth.logout(user, body.refresh_token)
    except AuthenticationError:
        raise unauthorized("The refresh token is invalid, used or expired.") from None


@router.get("/me", response_model=UserRead, responses=problem_responses(401))
def me(user: CurrentUser) -> User:
    return user

"""`/api/v1/auth`: register, and who am I (the auth method adds how to log in)."""

from collections.abc import Callable

from fastapi import APIRouter, HTTPException, Request, status

from ..core.openapi import problem_responses
from .current import CurrentUser
from .dependencies import UsersDep
from .models import User
from .schemas import Credentials, Registration, UserRead
from .service import AuthenticationError, EmailTakenError, UserService
from .throttle import TooManyAttemptsError

router = APIRouter(prefix="/api/v1/auth", tags=["auth"], responses=problem_responses(422))


def client_address(request: Request) -> str | None:
    """Where a request came from, as the throttles count it."""
    return request.client.host if request.client else None


def too_many(error: TooManyAttemptsError, detail: str) -> HTTPException:
    """A throttle's refusal as HTTP: 429, and when to try again."""
    return HTTPException(
        status.HTTP_429_TOO_MANY_REQUESTS, detail, headers={"Retry-After": str(error.retry_after)}
    )


def authenticated(
    users: UserService,
    body: Credentials,
    request: Request,
    unauthorized: Callable[[str], HTTPException],
) -> User:
    """The user a login's credentials prove: a 429 once throttled, else the method's 401."""
    try:
        return users.authenticate(body.email, body.password, client_address(request))
    except TooManyAttemptsError as error:
        raise too_many(error, "Too many failed logins; try again later.") from None
    except AuthenticationError:
        # The same answer for an unknown email and a wrong password.
        raise unauthorized("Wrong email or password.") from None


@router.post(
    "/register",
    status_code=status.HTTP_201_CREATED,
    response_model=UserRead,
    responses=problem_responses(409, 429),
)
def register(body: Registration, users: UsersDep, request: Request) -> User:
    try:
        return users.register(body, client_address(request))
    except TooManyAttemptsError as error:
        raise too_many(error, "Too many registrations; try again later.") from None
    except EmailTakenError:
        raise HTTPException(status.HTTP_409_CONFLICT, "That email is taken.") from None


@router.get("/me", response_model=UserRead, responses=problem_responses(401))
def me(user: CurrentUser) -> User:
    return user

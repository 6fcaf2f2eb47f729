"""`/api/v1/auth`: register, and who am I (the auth method adds how to log in)."""

from collections.abc import Callable

%%% if framework=fastapi
from fastapi import APIRouter, HTTPException, Request, status
%%% end
%%% if framework=flask
from apiflask import APIBlueprint, HTTPError
from flask import request
%%% end

%%% if framework=flask
from ..core.extensions import current_settings
%%% end
from ..core.openapi import problem_responses
%%% if framework=fastapi
from .current import CurrentUser
from .dependencies import UsersDep
%%% end
%%% if framework=flask
from ..core.unit_of_work import db_session
from .current import auth, current_user
%%% end
from .models import User
from .schemas import Credentials, Registration, UserRead
from .service import AuthenticationError, EmailTakenError, UserService
from .throttle import TooManyAttemptsError

%%% if framework=fastapi
router = APIRouter(prefix="/api/v1/auth", tags=["auth"], responses=problem_responses(422))
%%% end
%%% if framework=flask
blueprint = APIBlueprint("auth", __name__, url_prefix="/api/v1/auth", tag="auth")
%%% end


%%% if framework=fastapi
def client_address(request: Request) -> str | None:
    """Where a request came from, as the throttles count it."""
    return request.client.host if request.client else None
%%% end
%%% if framework=flask
def user_service() -> UserService:
    return UserService(db_session(), current_settings())
%%% end


%%% if framework=fastapi
def too_many(error: TooManyAttemptsError, detail: str) -> HTTPException:
%%% end
%%% if framework=flask
def client_address() -> str | None:
    """Where the request came from, as the throttles count it."""
    return request.remote_addr


def too_many(error: TooManyAttemptsError, detail: str) -> HTTPError:
%%% end
    """A throttle's refusal as HTTP: 429, and when to try again."""
%%% if framework=fastapi
    return HTTPException(
        status.HTTP_429_TOO_MANY_REQUESTS, detail, headers={"Retry-After": str(error.retry_after)}
    )
%%% end
%%% if framework=flask
    return HTTPError(429, detail, headers={"Retry-After": str(error.retry_after)})
%%% end


%%% if framework=fastapi
def authenticated(
    users: UserService,
    body: Credentials,
    request: Request,
    unauthorized: Callable[[str], HTTPException],
) -> User:
%%% end
%%% if framework=flask
def authenticated(body: Credentials, unauthorized: Callable[[str], HTTPError]) -> User:
%%% end
    """The user a login's credentials prove: a 429 once throttled, else the method's 401."""
    try:
%%% if framework=fastapi
        return users.authenticate(body.email, body.password, client_address(request))
%%% end
%%% if framework=flask
        return user_service().authenticate(body.email, body.password, client_address())
%%% end
    except TooManyAttemptsError as error:
        raise too_many(error, "Too many failed logins; try again later.") from None
    except AuthenticationError:
        # The same answer for an unknown email and a wrong password.
        raise unauthorized("Wrong email or password.") from None


%%% if framework=fastapi
@router.post(
    "/register",
    status_code=status.HTTP_201_CREATED,
    response_model=UserRead,
    responses=problem_responses(409, 429),
)
def register(body: Registration, users: UsersDep, request: Request) -> User:
%%% end
%%% if framework=flask
@blueprint.post("/register")
@blueprint.input(Registration, arg_name="body")
@blueprint.output(UserRead, status_code=201)
@blueprint.doc(responses=problem_responses(409, 422, 429))
def register(body: Registration) -> User:
%%% end
    try:
%%% if framework=fastapi
        return users.register(body, client_address(request))
%%% end
%%% if framework=flask
        return user_service().register(body, client_address())
%%% end
    except TooManyAttemptsError as error:
        raise too_many(error, "Too many registrations; try again later.") from None
    except EmailTakenError:
%%% if framework=fastapi
        raise HTTPException(status.HTTP_409_CONFLICT, "That email is taken.") from None
%%% end
%%% if framework=flask
        raise HTTPError(409, "That email is taken.") from None
%%% end


%%% if framework=fastapi
@router.get("/me", response_model=UserRead, responses=problem_responses(401))
def me(user: CurrentUser) -> User:
    return user
%%% end
%%% if framework=flask
@blueprint.get("/me")
@blueprint.auth_required(auth)
@blueprint.output(UserRead)
@blueprint.doc(responses=problem_responses(401))
def me() -> User:
    return current_user()
%%% end

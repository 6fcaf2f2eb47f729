"""`/api/v1/auth`: register, and who am I (the auth method adds how to log in)."""

from collections.abc import Callable

from apiflask import APIBlueprint, HTTPError
from flask import request

from ..core.extensions import current_settings
from ..core.openapi import problem_responses
from ..core.unit_of_work import db_session
from .current import auth, current_user
from .models import User
from .schemas import Credentials, Registration, UserRead
from .service import AuthenticationError, EmailTakenError, UserService
from .throttle import TooManyAttemptsError

blueprint = APIBlueprint("auth", __name__, url_prefix="/api/v1/auth", tag="auth")


def user_service() -> UserService:
    return UserService(db_session(), current_settings())


def client_address() -> str | None:
    """Where the request came from, as the throttles count it."""
    return request.remote_addr


def too_many(error: TooManyAttemptsError, detail: str) -> HTTPError:
    """A throttle's refusal as HTTP: 429, and when to try again."""
    return HTTPError(429, detail, headers={"Retry-After": str(error.retry_after)})


def authenticated(body: Credentials, unauthorized: Callable[[str], HTTPError]) -> User:
    """The user a login's credentials prove: a 429 once throttled, else the method's 401."""
    try:
        return user_service().authenticate(body.email, body.password, client_address())
    except TooManyAttemptsError as error:
        raise too_many(error, "Too many failed logins; try again later.") from None
    except AuthenticationError:
        # The same answer for an unknown email and a wrong password.
        raise unauthorized("Wrong email or password.") from None


@blueprint.post("/register")
@blueprint.input(Registration, arg_name="body")
@blueprint.output(UserRead, status_code=201)
@blueprint.doc(responses=problem_responses(409, 422, 429))
def register(body: Registration) -> User:
    try:
        return user_service().register(body, client_address())
    except TooManyAttemptsError as error:
        raise too_many(error, "Too many registrations; try again later.") from None
    except EmailTakenError:
        raise HTTPError(409, "That email is taken.") from None


@blueprint.get("/me")
@blueprint.auth_required(auth)
@blueprint.output(UserRead)
@blueprint.doc(responses=problem_responses(401))
def me() -> User:
    return current_user()

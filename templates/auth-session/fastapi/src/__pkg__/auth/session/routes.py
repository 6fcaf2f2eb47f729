"""`/api/v1/auth`: log in for a session cookie, log out of it."""

from dataclasses import asdict

from fastapi import APIRouter, Depends, Request, Response, status

from ...core.deps import SettingsDep
from ...core.openapi import problem_responses
from ..dependencies import UsersDep
from ..routes import authenticated
from ..schemas import Credentials
from .dependencies import SessionsDep, SessionToken, current_user, unauthorized
from .schemas import LoginAnswer
from .transport import COOKIE_NAME, cookie_attributes

router = APIRouter(prefix="/api/v1/auth", tags=["auth"], responses=problem_responses(422))


@router.post("/login", responses=problem_responses(401, 429))
def login(
    body: Credentials,
    users: UsersDep,
    sessions: SessionsDep,
    settings: SettingsDep,
    request: Request,
    response: Response,
    previous: SessionToken,
) -> LoginAnswer:
    started = sessions.login(authenticated(users, body, request, unauthorized), previous)
    response.set_cookie(COOKIE_NAME, started.token, **asdict(cookie_attributes(settings)))
    return LoginAnswer.of(started)


@router.post(
    "/logout",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403),
    # Only a live session with its CSRF token logs out: a forged logout is a 403.
    dependencies=[Depends(current_user)],
)
def logout(token: SessionToken, sessions: SessionsDep, response: Response) -> None:
    if token:  # always, after current_user
        sessions.logout(token)
    response.delete_cookie(COOKIE_NAME, path="/")

"""`/api/v1/auth`: log in for a session cookie, log out of it."""

from dataclasses import asdict

%%% if framework=fastapi
from fastapi import APIRouter, Depends, Request, Response, status
%%% end
%%% if framework=flask
from apiflask import APIBlueprint
from flask import Response, after_this_request, request
%%% end

%%% if framework=fastapi
from ...core.deps import SettingsDep
%%% end
%%% if framework=flask
from ...core.extensions import current_settings
%%% end
from ...core.openapi import problem_responses
%%% if framework=fastapi
from ..dependencies import UsersDep
%%% end
%%% if framework=flask
from ..current import auth
%%% end
from ..routes import authenticated
from ..schemas import Credentials
%%% if framework=fastapi
from .dependencies import SessionsDep, SessionToken, current_user, unauthorized
%%% end
%%% if framework=flask
from .cookie import session_service, unauthorized
%%% end
from .schemas import LoginAnswer
from .transport import COOKIE_NAME, cookie_attributes

%%% if framework=fastapi
router = APIRouter(prefix="/api/v1/auth", tags=["auth"], responses=problem_responses(422))
%%% end
%%% if framework=flask
blueprint = APIBlueprint("auth_session", __name__, url_prefix="/api/v1/auth", tag="auth")
%%% end


%%% if framework=fastapi
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
%%% end
%%% if framework=flask
@blueprint.post("/login")
@blueprint.input(Credentials, arg_name="body")
@blueprint.output(LoginAnswer)
@blueprint.doc(responses=problem_responses(401, 422, 429))
def login(body: Credentials) -> LoginAnswer:
    started = session_service().login(
        authenticated(body, unauthorized), request.cookies.get(COOKIE_NAME)
    )
    attributes = cookie_attributes(current_settings())

    @after_this_request
    def set_cookie(response: Response) -> Response:
        response.set_cookie(COOKIE_NAME, started.token, **asdict(attributes))
        return response

%%% end
    return LoginAnswer.of(started)


%%% if framework=fastapi
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
%%% end
%%% if framework=flask
@blueprint.post("/logout")
@blueprint.auth_required(auth)
@blueprint.output({}, status_code=204)
@blueprint.doc(responses=problem_responses(401, 403))
def logout() -> tuple[str, int]:
    # auth_required proved the session (and its CSRF token), so the cookie is there.
    session_service().logout(request.cookies[COOKIE_NAME])
%%% end

%%% if framework=flask
    @after_this_request
    def forget_cookie(response: Response) -> Response:
        response.delete_cookie(COOKIE_NAME, path="/")
        return response

    return "", 204

%%% end
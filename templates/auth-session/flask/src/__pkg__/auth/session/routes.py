"""`/api/v1/auth`: log in for a session cookie, log out of it."""

from dataclasses import asdict

from apiflask import APIBlueprint
from flask import Response, after_this_request, request

from ...core.extensions import current_settings
from ...core.openapi import problem_responses
from ..current import auth
from ..routes import authenticated
from ..schemas import Credentials
from .cookie import session_service, unauthorized
from .schemas import LoginAnswer
from .transport import COOKIE_NAME, cookie_attributes

blueprint = APIBlueprint("auth_session", __name__, url_prefix="/api/v1/auth", tag="auth")


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

    return LoginAnswer.of(started)


@blueprint.post("/logout")
@blueprint.auth_required(auth)
@blueprint.output({}, status_code=204)
@blueprint.doc(responses=problem_responses(401, 403))
def logout() -> tuple[str, int]:
    # auth_required proved the session (and its CSRF token), so the cookie is there.
    session_service().logout(request.cookies[COOKIE_NAME])

    @after_this_request
    def forget_cookie(response: Response) -> Response:
        response.delete_cookie(COOKIE_NAME, path="/")
        return response

    return "", 204

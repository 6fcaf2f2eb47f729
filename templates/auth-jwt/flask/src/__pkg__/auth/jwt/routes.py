"""`/api/v1/auth`: log in for a token pair, rotate it, log out."""

from apiflask import APIBlueprint

from ...core.openapi import problem_responses
from ..current import auth, current_user
from ..routes import authenticated
from ..schemas import Credentials
from ..service import AuthenticationError
from .bearer import token_service, unauthorized
from .schemas import RefreshRequest, TokenPair

blueprint = APIBlueprint("auth_jwt", __name__, url_prefix="/api/v1/auth", tag="auth")

SPENT = "The refresh token is invalid, used or expired."


@blueprint.post("/login")
@blueprint.input(Credentials, arg_name="body")
@blueprint.output(TokenPair)
@blueprint.doc(responses=problem_responses(401, 422, 429))
def login(body: Credentials) -> TokenPair:
    return token_service().login(authenticated(body, unauthorized))


@blueprint.post("/refresh")
@blueprint.input(RefreshRequest, arg_name="body")
@blueprint.output(TokenPair)
@blueprint.doc(responses=problem_responses(401, 422))
def refresh(body: RefreshRequest) -> TokenPair:
    try:
        return token_service().refresh(body.refresh_token)
    except AuthenticationError:
        raise unauthorized(SPENT) from None


@blueprint.post("/logout")
@blueprint.auth_required(auth)
@blueprint.input(RefreshRequest, arg_name="body")
@blueprint.output({}, status_code=204)
@blueprint.doc(responses=problem_responses(401, 422))
def logout(body: RefreshRequest) -> tuple[str, int]:
    try:
        token_service().logout(current_user(), body.refresh_token)
    except AuthenticationError:
        raise unauthorized(SPENT) from None
    return "", 204

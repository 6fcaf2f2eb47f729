"""`/api/v1/auth/oauth/<provider>`: off to the provider, and back with the app's tokens."""

from apiflask import APIBlueprint, HTTPError
from flask import redirect
from pydantic import BaseModel, Field
from werkzeug.wrappers import Response

from ...core.extensions import current_settings
from ...core.openapi import problem_responses
from ...core.unit_of_work import db_session
from ..jwt.bearer import token_service
from ..jwt.schemas import TokenPair
from .flow import OAuthFlow, OAuthLoginError
from .service import OAuthLoginService

blueprint = APIBlueprint("auth_oauth", __name__, url_prefix="/api/v1/auth/oauth", tag="auth")


class CallbackQuery(BaseModel):
    """What the provider sends back. Other parameters it adds (scope, prompt) are ignored."""

    # Long enough for any provider's code and this app's signed state; longer is a 422.
    code: str | None = Field(default=None, max_length=2048)
    state: str | None = Field(default=None, max_length=2048)


def _refused(error: OAuthLoginError) -> HTTPError:
    return HTTPError(error.status, str(error))


@blueprint.get("/<string(maxlength=40):provider>/login")
@blueprint.doc(
    responses={302: "To the provider's consent page", **problem_responses(404, 502)},
)
def login(provider: str) -> Response:
    try:
        url = OAuthFlow(current_settings()).login_url(provider)
    except OAuthLoginError as error:
        raise _refused(error) from None
    return redirect(url, 302)


@blueprint.get("/<string(maxlength=40):provider>/callback")
@blueprint.input(CallbackQuery, location="query", arg_name="query")
@blueprint.output(TokenPair)
@blueprint.doc(responses=problem_responses(400, 403, 404, 422, 502))
def callback(provider: str, query: CallbackQuery) -> TokenPair:
    """Where the provider sends the user back: the code becomes this app's token pair."""
    logins = OAuthLoginService(db_session())
    flow = OAuthFlow(current_settings())
    try:
        identity = flow.identity(provider, query.code, query.state, spent=logins)
    except OAuthLoginError as error:
        raise _refused(error) from None
    return token_service().login(logins.user_for(identity))

%%% if framework=fastapi
"""`/api/v1/auth/oauth/{provider}`: off to the provider, and back with the app's tokens."""
%%% end
%%% if framework=flask
"""`/api/v1/auth/oauth/<provider>`: off to the provider, and back with the app's tokens."""
%%% end

%%% if framework=fastapi
from typing import Annotated
%%% end
%%% if framework=flask
from apiflask import APIBlueprint, HTTPError
from flask import redirect
from pydantic import BaseModel, Field
from werkzeug.wrappers import Response
%%% end

%%% if framework=fastapi
from fastapi import APIRouter, HTTPException, Path, Query, status
from fastapi.responses import RedirectResponse

from ...core.deps import SessionDep, SettingsDep
%%% end
%%% if framework=flask
from ...core.extensions import current_settings
%%% end
from ...core.openapi import problem_responses
%%% if framework=fastapi
from ..jwt.dependencies import TokensDep
%%% end
%%% if framework=flask
from ...core.unit_of_work import db_session
from ..jwt.bearer import token_service
%%% end
from ..jwt.schemas import TokenPair
from .flow import OAuthFlow, OAuthLoginError
from .service import OAuthLoginService

%%% if framework=fastapi
router = APIRouter(prefix="/api/v1/auth/oauth", tags=["auth"])
%%% end
%%% if framework=flask
blueprint = APIBlueprint("auth_oauth", __name__, url_prefix="/api/v1/auth/oauth", tag="auth")
%%% end

%%% if framework=fastapi
ProviderName = Annotated[
    str, Path(max_length=40, description="`github` or `google`, when configured")
]
# Long enough for any provider's code and this app's signed state; longer is a 422.
Parameter = Annotated[str | None, Query(max_length=2048)]
%%% end

%%% if framework=flask
class CallbackQuery(BaseModel):
    """What the provider sends back. Other parameters it adds (scope, prompt) are ignored."""
%%% end

%%% if framework=fastapi
def _refused(error: OAuthLoginError) -> HTTPException:
    return HTTPException(error.status, str(error))
%%% end
%%% if framework=flask
    # Long enough for any provider's code and this app's signed state; longer is a 422.
    code: str | None = Field(default=None, max_length=2048)
    state: str | None = Field(default=None, max_length=2048)
%%% end


%%% if framework=fastapi
@router.get(
    "/{provider}/login",
    status_code=status.HTTP_302_FOUND,
    response_class=RedirectResponse,
    responses={
        status.HTTP_302_FOUND: {"description": "To the provider's consent page"},
        **problem_responses(404, 422, 502),
    },
%%% end
%%% if framework=flask
def _refused(error: OAuthLoginError) -> HTTPError:
    return HTTPError(error.status, str(error))


@blueprint.get("/<string(maxlength=40):provider>/login")
@blueprint.doc(
    responses={302: "To the provider's consent page", **problem_responses(404, 502)},
%%% end
)
%%% if framework=fastapi
def login(provider: ProviderName, settings: SettingsDep) -> RedirectResponse:
%%% end
%%% if framework=flask
def login(provider: str) -> Response:
%%% end
    try:
%%% if framework=fastapi
        url = OAuthFlow(settings).login_url(provider)
%%% end
%%% if framework=flask
        url = OAuthFlow(current_settings()).login_url(provider)
%%% end
    except OAuthLoginError as error:
        raise _refused(error) from None
%%% if framework=fastapi
    return RedirectResponse(url, status.HTTP_302_FOUND)
%%% end
%%% if framework=flask
    return redirect(url, 302)
%%% end


%%% if framework=fastapi
@router.get("/{provider}/callback", responses=problem_responses(400, 403, 404, 422, 502))
def callback(
    provider: ProviderName,
    settings: SettingsDep,
    session: SessionDep,
    tokens: TokensDep,
    code: Parameter = None,
    state: Parameter = None,
) -> TokenPair:
%%% end
%%% if framework=flask
@blueprint.get("/<string(maxlength=40):provider>/callback")
@blueprint.input(CallbackQuery, location="query", arg_name="query")
@blueprint.output(TokenPair)
@blueprint.doc(responses=problem_responses(400, 403, 404, 422, 502))
def callback(provider: str, query: CallbackQuery) -> TokenPair:
%%% end
    """Where the provider sends the user back: the code becomes this app's token pair."""
%%% if framework=fastapi
    logins = OAuthLoginService(session)
%%% end
%%% if framework=flask
    logins = OAuthLoginService(db_session())
    flow = OAuthFlow(current_settings())
%%% end
    try:
%%% if framework=fastapi
        identity = OAuthFlow(settings).identity(provider, code, state, spent=logins)
%%% end
%%% if framework=flask
        identity = flow.identity(provider, query.code, query.state, spent=logins)
%%% end
    except OAuthLoginError as error:
        raise _refused(error) from None
%%% if framework=fastapi
    return tokens.login(logins.user_for(identity))
%%% end
%%% if framework=flask
    return token_service().login(logins.user_for(identity))
%%% end

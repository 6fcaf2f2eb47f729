"""`/api/v1/auth`: log in for a token pair, rotate it, log out."""

%%% if framework=fastapi
from fastapi import APIRouter, Request, status
%%% end
%%% if framework=flask
from apiflask import APIBlueprint
%%% end

from ...core.openapi import problem_responses
%%% if framework=fastapi
from ..dependencies import UsersDep
%%% end
%%% if framework=flask
from ..current import auth, current_user
%%% end
from ..routes import authenticated
from ..schemas import Credentials
from ..service import AuthenticationError
%%% if framework=fastapi
from .dependencies import CurrentUser, TokensDep, unauthorized
%%% end
%%% if framework=flask
from .bearer import token_service, unauthorized
%%% end
from .schemas import RefreshRequest, TokenPair

%%% if framework=fastapi
router = APIRouter(prefix="/api/v1/auth", tags=["auth"], responses=problem_responses(422))
%%% end
%%% if framework=flask
blueprint = APIBlueprint("auth_jwt", __name__, url_prefix="/api/v1/auth", tag="auth")
%%% end

%%% if framework=flask
SPENT = "The refresh token is invalid, used or expired."
%%% end

%%% if framework=fastapi
@router.post("/login", responses=problem_responses(401, 429))
def login(body: Credentials, users: UsersDep, tokens: TokensDep, request: Request) -> TokenPair:
    return tokens.login(authenticated(users, body, request, unauthorized))
%%% end

%%% if framework=flask
@blueprint.post("/login")
@blueprint.input(Credentials, arg_name="body")
@blueprint.output(TokenPair)
@blueprint.doc(responses=problem_responses(401, 422, 429))
def login(body: Credentials) -> TokenPair:
    return token_service().login(authenticated(body, unauthorized))
%%% end

%%% if framework=fastapi
@router.post("/refresh", responses=problem_responses(401))
def refresh(body: RefreshRequest, tokens: TokensDep) -> TokenPair:
%%% end
%%% if framework=flask

@blueprint.post("/refresh")
@blueprint.input(RefreshRequest, arg_name="body")
@blueprint.output(TokenPair)
@blueprint.doc(responses=problem_responses(401, 422))
def refresh(body: RefreshRequest) -> TokenPair:
%%% end
    try:
%%% if framework=fastapi
        return tokens.refresh(body.refresh_token)
%%% end
%%% if framework=flask
        return token_service().refresh(body.refresh_token)
%%% end
    except AuthenticationError:
%%% if framework=fastapi
        raise unauthorized("The refresh token is invalid, used or expired.") from None
%%% end
%%% if framework=flask
        raise unauthorized(SPENT) from None
%%% end


%%% if framework=fastapi
@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT, responses=problem_responses(401))
def logout(body: RefreshRequest, user: CurrentUser, tokens: TokensDep) -> None:
%%% end
%%% if framework=flask
@blueprint.post("/logout")
@blueprint.auth_required(auth)
@blueprint.input(RefreshRequest, arg_name="body")
@blueprint.output({}, status_code=204)
@blueprint.doc(responses=problem_responses(401, 422))
def logout(body: RefreshRequest) -> tuple[str, int]:
%%% end
    try:
%%% if framework=fastapi
        tokens.logout(user, body.refresh_token)
%%% end
%%% if framework=flask
        token_service().logout(current_user(), body.refresh_token)
%%% end
    except AuthenticationError:
%%% if framework=fastapi
        raise unauthorized("The refresh token is invalid, used or expired.") from None
%%% end
%%% if framework=flask
        raise unauthorized(SPENT) from None
    return "", 204
%%% end

"""`/api/v1/auth/oauth/{provider}`: off to the provider, and back with the app's tokens."""

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, status
from fastapi.responses import RedirectResponse

from ...core.deps import SessionDep, SettingsDep
from ...core.openapi import problem_responses
from ..jwt.dependencies import TokensDep
from ..jwt.schemas import TokenPair
from .flow import OAuthFlow, OAuthLoginError
from .service import OAuthLoginService

router = APIRouter(prefix="/api/v1/auth/oauth", tags=["auth"])

ProviderName = Annotated[
    str, Path(max_length=40, description="`github` or `google`, when configured")
]
# Long enough for any provider's code and this app's signed state; longer is a 422.
Parameter = Annotated[str | None, Query(max_length=2048)]


def _refused(error: OAuthLoginError) -> HTTPException:
    return HTTPException(error.status, str(error))


@router.get(
    "/{provider}/login",
    status_code=status.HTTP_302_FOUND,
    response_class=RedirectResponse,
    responses={
        status.HTTP_302_FOUND: {"description": "To the provider's consent page"},
        **problem_responses(404, 422, 502),
    },
)
def login(provider: ProviderName, settings: SettingsDep) -> RedirectResponse:
    try:
        url = OAuthFlow(settings).login_url(provider)
    except OAuthLoginError as error:
        raise _refused(error) from None
    return RedirectResponse(url, status.HTTP_302_FOUND)


@router.get("/{provider}/callback", responses=problem_responses(400, 403, 404, 422, 502))
def callback(
    provider: ProviderName,
    settings: SettingsDep,
    session: SessionDep,
    tokens: TokensDep,
    code: Parameter = None,
    state: Parameter = None,
) -> TokenPair:
    """Where the provider sends the user back: the code becomes this app's token pair."""
    logins = OAuthLoginService(session)
    try:
        identity = OAuthFlow(settings).identity(provider, code, state, spent=logins)
    except OAuthLoginError as error:
        raise _refused(error) from None
    return tokens.login(logins.user_for(identity))

"""`/api/v1/auth/oauth/<provider>`: off to the provider, and back with the app's tokens."""

from dataclasses import asdict

from django.conf import settings
from django.http import HttpResponseRedirect
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ...core.errors import problem_response
from ...core.openapi import problems
from ..jwt.serializers import TokenPairSerializer
from ..jwt.service import TokenService
from .flow import OAuthFlow, OAuthLoginError
from .serializers import CallbackQuery
from .service import OAuthLoginService

MAX_PROVIDER_LENGTH = 40
PROVIDER = OpenApiParameter(
    "provider",
    {"type": "string", "maxLength": MAX_PROVIDER_LENGTH},
    OpenApiParameter.PATH,
    description="`github` or `google`, when configured",
)


def _checked_provider(name: str) -> str:
    """The path's provider name; a long one is a 422, as the other stacks' path checks are."""
    if len(name) > MAX_PROVIDER_LENGTH:
        msg = f"Ensure this field has no more than {MAX_PROVIDER_LENGTH} characters."
        raise serializers.ValidationError({"provider": [msg]})
    return name


def _refused(request: Request, error: OAuthLoginError) -> Response:
    return problem_response(error.status, request.path, str(error))


class OAuthView(APIView):
    # Public: a browser arrives here with no token, and a stale one must not make a 401.
    authentication_classes = ()


class OAuthLoginView(OAuthView):
    @extend_schema(
        parameters=[PROVIDER],
        responses={302: OpenApiResponse(description="To the provider's consent page")},
        auth=[],
        extensions=problems(404, 502),
    )
    def get(self, request: Request, provider: str) -> HttpResponseRedirect | Response:
        """Off to the provider's consent page, with a fresh signed state."""
        try:
            url = OAuthFlow(settings.ENV).login_url(_checked_provider(provider))
        except OAuthLoginError as error:
            return _refused(request, error)
        return HttpResponseRedirect(url)


class OAuthCallbackView(OAuthView):
    @extend_schema(
        parameters=[PROVIDER, CallbackQuery],
        responses={200: TokenPairSerializer},
        auth=[],
        extensions=problems(400, 403, 404, 502),
    )
    def get(self, request: Request, provider: str) -> Response:
        """Where the provider sends the user back: the code becomes this app's token pair."""
        # One value per name, as the page query reads them.
        query = CallbackQuery(data=dict(request.query_params.items()))
        query.is_valid(raise_exception=True)
        logins = OAuthLoginService()
        try:
            identity = OAuthFlow(settings.ENV).identity(
                _checked_provider(provider),
                query.validated_data.get("code"),
                query.validated_data.get("state"),
                spent=logins,
            )
        except OAuthLoginError as error:
            return _refused(request, error)
        user = logins.user_for(identity)
        return Response(asdict(TokenService(settings.ENV).login(user)))

"""`/api/v1/auth`: login, refresh and logout with JWTs."""

from dataclasses import asdict

from django.conf import settings
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ...core.openapi import problems
from ..serializers import LoginSerializer
from ..service import AuthenticationError
from ..views import current_user, logged_in_user
from .authentication import BearerAuthentication
from .serializers import RefreshSerializer, TokenPairSerializer
from .service import TokenService

INVALID_REFRESH_TOKEN = "The refresh token is invalid, used or expired."  # noqa: S105 - a message


class TokenView(APIView):
    """Login and refresh: no bearer token is read, yet a refusal is a 401 asking for one."""

    authentication_classes = ()

    def get_authenticate_header(self, request: Request) -> str:
        return BearerAuthentication.keyword


class LoginView(TokenView):
    @extend_schema(
        request=LoginSerializer,
        responses={200: TokenPairSerializer},
        auth=[],
        extensions=problems(401, 429),
    )
    def post(self, request: Request) -> Response:
        return Response(asdict(TokenService(settings.ENV).login(logged_in_user(request))))


class RefreshView(TokenView):
    @extend_schema(
        request=RefreshSerializer,
        responses={200: TokenPairSerializer},
        auth=[],
        extensions=problems(401),
    )
    def post(self, request: Request) -> Response:
        body = RefreshSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            pair = TokenService(settings.ENV).refresh(body.validated_data["refresh_token"])
        except AuthenticationError:
            raise AuthenticationFailed(INVALID_REFRESH_TOKEN) from None
        return Response(asdict(pair))


class LogoutView(APIView):
    permission_classes = (IsAuthenticated,)

    @extend_schema(request=RefreshSerializer, responses={204: None})
    def post(self, request: Request) -> Response:
        body = RefreshSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            TokenService(settings.ENV).logout(
                current_user(request), body.validated_data["refresh_token"]
            )
        except AuthenticationError:
            raise AuthenticationFailed(INVALID_REFRESH_TOKEN) from None
        return Response(status=status.HTTP_204_NO_CONTENT)

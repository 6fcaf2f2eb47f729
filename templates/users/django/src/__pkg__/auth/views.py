"""`/api/v1/auth`: register, and who am I (the auth method adds how to log in)."""

from django.conf import settings
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ..core.openapi import problems
from .models import User
from .serializers import CredentialsSerializer, LoginSerializer, UserSerializer
from .service import AuthenticationError, UserService

WRONG_CREDENTIALS = "Wrong email or password."


def client_address(request: Request) -> str | None:
    """Where a request came from, as the throttles count it."""
    address = request.META.get("REMOTE_ADDR")
    return str(address) if address else None


def logged_in_user(request: Request) -> User:
    """The user a login body's email and password prove; any wrong one is the same 401."""
    body = LoginSerializer(data=request.data)
    body.is_valid(raise_exception=True)
    try:
        return UserService(settings.ENV).authenticate(
            body.validated_data["email"], body.validated_data["password"], client_address(request)
        )
    except AuthenticationError:
        raise AuthenticationFailed(WRONG_CREDENTIALS) from None


def current_user(request: Request) -> User:
    """The authenticated user of a view that requires one."""
    user = request.user
    assert isinstance(user, User)  # noqa: S101 - IsAuthenticated let the request in
    return user


class RegisterView(APIView):
    # Public: a stale bearer token sent along must not turn registration into a 401.
    authentication_classes = ()

    @extend_schema(
        request=CredentialsSerializer,
        responses={201: UserSerializer},
        auth=[],
        extensions=problems(409, 429),
    )
    def post(self, request: Request) -> Response:
        body = CredentialsSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        user = UserService(settings.ENV).register(
            body.validated_data["email"], body.validated_data["password"], client_address(request)
        )
        return Response(UserSerializer(user).data, status=status.HTTP_201_CREATED)


class MeView(APIView):
    permission_classes = (IsAuthenticated,)

    @extend_schema(responses={200: UserSerializer})
    def get(self, request: Request) -> Response:
        return Response(UserSerializer(current_user(request)).data)

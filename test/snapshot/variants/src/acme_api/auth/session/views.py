"""`/api/v1/auth`: login and logout with a server-side session behind a cookie."""

from django.contrib.auth import login, logout
from django.middleware.csrf import get_token
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ...core.openapi import problems
from ..serializers import LoginSerializer, UserSerializer
from ..views import logged_in_user
from .authentication import CookieSessionAuthentication
from .serializers import SessionUserSerializer


class LoginView(APIView):
    # The session the request may already have is not read: logging in again, or as
    # someone else, needs no CSRF token, yet a refusal is a 401 that asks for a session.
    authentication_classes = ()

    def get_authenticate_header(self, request: Request) -> str:
        return CookieSessionAuthentication.keyword

    @extend_schema(
        request=LoginSerializer,
        responses={200: SessionUserSerializer},
        auth=[],
        extensions=problems(401, 429),
    )
    def post(self, request: Request) -> Response:
        user = logged_in_user(request)
        # Whatever session the client had ends: Django's login() would keep the one of a
        # user who logs in again, and a login must always be a new session id.
        request.session.flush()
        # Django's own login: the user in a new session, a new CSRF secret, and
        # `user_logged_in`, which stamps the session's start (lifetime.py).
        login(request._request, user)
        return Response({**UserSerializer(user).data, "csrf_token": get_token(request._request)})


class LogoutView(APIView):
    permission_classes = (IsAuthenticated,)

    @extend_schema(request=None, responses={204: None})
    def post(self, request: Request) -> Response:
        # Deletes the session on the server: its cookie is worth nothing afterwards.
        logout(request._request)
        return Response(status=status.HTTP_204_NO_CONTENT)

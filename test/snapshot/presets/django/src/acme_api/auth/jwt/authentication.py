"""`Authorization: Bearer <access token>` as a DRF authentication class."""

from typing import Any

from django.conf import settings
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.request import Request

from ..models import User
from ..service import AuthenticationError
from .service import TokenService

INVALID_ACCESS_TOKEN = "The access token is invalid or has expired."  # noqa: S105 - a message


class BearerAuthentication(BaseAuthentication):
    """A valid access token's user; no header is anonymous, a bad token is a 401."""

    keyword = "Bearer"

    def authenticate(self, request: Request) -> tuple[User, str] | None:
        header = get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise AuthenticationFailed(INVALID_ACCESS_TOKEN)
        try:
            token = header[1].decode("ascii")
            user = TokenService(settings.ENV).user_of_access_token(token)
        except (UnicodeDecodeError, AuthenticationError):
            raise AuthenticationFailed(INVALID_ACCESS_TOKEN) from None
        return user, token

    def authenticate_header(self, request: Request) -> str:
        # Also what makes DRF answer 401 (not 403) to a request without credentials.
        return self.keyword


class BearerScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    """The OpenAPI security scheme of BearerAuthentication."""

    target_class = BearerAuthentication
    name = "bearer"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}

"""How Django's admin site checks a password: as the API's login does, throttle and all."""

from typing import Any

from django.conf import settings
from django.contrib.auth.backends import BaseBackend
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from .models import User
from .service import AuthenticationError, UserService
from .throttle import TooManyAttemptsError


class ThrottledLoginBackend(BaseBackend):
    """Logins at `/admin/login/` count against the API's login throttle: no way around it."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> User | None:
        if username is None or password is None:
            return None
        address = request.META.get("REMOTE_ADDR") if request else None
        try:
            return UserService(settings.ENV).authenticate(
                username, password, str(address) if address else None
            )
        except AuthenticationError:
            return None
        except TooManyAttemptsError:
            # Django stops trying, and the login form says only that the login failed.
            raise PermissionDenied from None

    def get_user(self, user_id: Any) -> User | None:
        return User.objects.filter(pk=user_id).first()

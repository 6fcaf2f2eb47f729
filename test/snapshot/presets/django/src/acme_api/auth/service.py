"""Registration and login: the rules, apart from HTTP."""

from django.contrib.auth.hashers import check_password, make_password
from django.db import IntegrityError, transaction

from ..core.errors import ConflictError
from ..core.settings import Settings
from .emails import normalize_email
from .models import User
from .throttle import Throttle, login_keys, registration_keys


class AuthenticationError(Exception):
    """Wrong credentials or an unusable token; deliberately says no more than that."""


class UserService:
    def __init__(self, settings: Settings) -> None:
        self.login_throttle = Throttle(
            "login", settings.login_max_attempts, settings.login_window_seconds
        )
        self.registration_throttle = Throttle(
            "registration",
            settings.registration_max_attempts,
            settings.registration_window_seconds,
        )

    def register(self, email: str, password: str, client: str | None = None) -> User:
        """A new user; ConflictError if the email is taken, TooManyAttemptsError once throttled."""
        keys = registration_keys(client)
        self.registration_throttle.check(keys, "Too many registrations; try again later.")
        # Every attempt counts, taken email or not: each costs a hash.
        self.registration_throttle.record(keys)
        try:
            with transaction.atomic():
                return User.objects.create_user(email=email, password=password)
        except IntegrityError:
            # The unique index decides, so two racing registrations cannot both win.
            raise ConflictError("That email is taken.") from None

    def authenticate(self, email: str, password: str, client: str | None = None) -> User:
        """The user these credentials prove; AuthenticationError, or TooManyAttemptsError."""
        keys = login_keys(email, client)
        self.login_throttle.check(keys, "Too many failed logins; try again later.")
        user = User.objects.filter(email=normalize_email(email)).first()
        if user is None:
            # As long as a real check takes, so timing does not tell which emails exist.
            make_password(password)
        if user is None or not check_password(password, user.password):
            self.login_throttle.record(keys)
            raise AuthenticationError
        self.login_throttle.forget(keys[0])
        return user

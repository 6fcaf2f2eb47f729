"""Registration and password checks: the rules, apart from HTTP and from how a user
then proves who they are (the auth method's part)."""

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..core.settings import Settings
from .models import User
from .passwords import hash_password, spend_verification_time, verify_password
from .repository import UserRepository
from .schemas import Registration
from .throttle import Throttle, login_keys, registration_keys


class EmailTakenError(Exception):
    """Another user has this email."""


class AuthenticationError(Exception):
    """Wrong credentials or an unusable token; deliberately says no more than that."""


class UserService:
    def __init__(self, session: Session, settings: Settings) -> None:
        self.session = session
        self.users = UserRepository(session)
        self.login_throttle = Throttle(
            session, "login", settings.login_max_attempts, settings.login_window_seconds
        )
        self.registration_throttle = Throttle(
            session,
            "registration",
            settings.registration_max_attempts,
            settings.registration_window_seconds,
        )

    def register(self, registration: Registration, client: str | None = None) -> User:
        """A new user; EmailTakenError, or TooManyAttemptsError once throttled."""
        keys = registration_keys(client)
        self.registration_throttle.check(keys)
        # Every attempt counts, taken email or not: each costs a hash. Committed
        # here, so the count stands whether the registration does or not.
        self.registration_throttle.record(keys)
        self.session.commit()
        user = User(email=registration.email, password_hash=hash_password(registration.password))
        try:
            return self.users.add(user)
        except IntegrityError:
            # The unique index decides, so two racing registrations cannot both win.
            self.session.rollback()
            raise EmailTakenError from None

    def authenticate(self, email: str, password: str, client: str | None = None) -> User:
        """The user these credentials prove; AuthenticationError, or TooManyAttemptsError."""
        keys = login_keys(email, client)
        self.login_throttle.check(keys)
        user = self.users.by_email(email)
        if user is None:
            spend_verification_time(password)
        if user is None or not verify_password(user.password_hash, password):
            self.login_throttle.record(keys)
            # Committed here, not by the request: the request fails, the count must stand.
            self.session.commit()
            raise AuthenticationError
        self.login_throttle.forget(keys[0])
        return user

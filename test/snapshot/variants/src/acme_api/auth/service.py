%%% if orm=sqlalchemy
"""Registration and password checks: the rules, apart from HTTP and from how a user
then proves who they are (the auth method's part)."""
%%% end
%%% if orm=django
"""Registration and login: the rules, apart from HTTP."""
%%% end

%%% if orm=sqlalchemy
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
%%% end
%%% if orm=django
from django.contrib.auth.hashers import check_password, make_password
from django.db import IntegrityError, transaction
%%% end

%%% if orm=django
from ..core.errors import ConflictError
%%% end
from ..core.settings import Settings
%%% if orm=django
from .emails import normalize_email
%%% end
from .models import User
%%% if orm=sqlalchemy
from .passwords import hash_password, spend_verification_time, verify_password
from .repository import UserRepository
from .schemas import Registration
%%% end
from .throttle import Throttle, login_keys, registration_keys


%%% if orm=sqlalchemy
class EmailTakenError(Exception):
    """Another user has this email."""


%%% end
class AuthenticationError(Exception):
    """Wrong credentials or an unusable token; deliberately says no more than that."""


class UserService:
%%% if orm=sqlalchemy
    def __init__(self, session: Session, settings: Settings) -> None:
        self.session = session
        self.users = UserRepository(session)
%%% end
%%% if orm=django
    def __init__(self, settings: Settings) -> None:
%%% end
        self.login_throttle = Throttle(
%%% if orm=sqlalchemy
            session, "login", settings.login_max_attempts, settings.login_window_seconds
%%% end
%%% if orm=django
            "login", settings.login_max_attempts, settings.login_window_seconds
%%% end
        )
        self.registration_throttle = Throttle(
%%% if orm=sqlalchemy
            session,
%%% end
            "registration",
            settings.registration_max_attempts,
            settings.registration_window_seconds,
        )

%%% if orm=sqlalchemy
    def register(self, registration: Registration, client: str | None = None) -> User:
        """A new user; EmailTakenError, or TooManyAttemptsError once throttled."""
%%% end
%%% if orm=django
    def register(self, email: str, password: str, client: str | None = None) -> User:
        """A new user; ConflictError if the email is taken, TooManyAttemptsError once throttled."""
%%% end
        keys = registration_keys(client)
%%% if orm=sqlalchemy
        self.registration_throttle.check(keys)
        # Every attempt counts, taken email or not: each costs a hash. Committed
        # here, so the count stands whether the registration does or not.
%%% end
%%% if orm=django
        self.registration_throttle.check(keys, "Too many registrations; try again later.")
        # Every attempt counts, taken email or not: each costs a hash.
%%% end
        self.registration_throttle.record(keys)
%%% if orm=sqlalchemy
        self.session.commit()
        user = User(email=registration.email, password_hash=hash_password(registration.password))
%%% end
        try:
%%% if orm=sqlalchemy
            return self.users.add(user)
%%% end
%%% if orm=django
            with transaction.atomic():
                return User.objects.create_user(email=email, password=password)
%%% end
        except IntegrityError:
            # The unique index decides, so two racing registrations cannot both win.
%%% if orm=sqlalchemy
            self.session.rollback()
            raise EmailTakenError from None
%%% end
%%% if orm=django
            raise ConflictError("That email is taken.") from None
%%% end

    def authenticate(self, email: str, password: str, client: str | None = None) -> User:
        """The user these credentials prove; AuthenticationError, or TooManyAttemptsError."""
        keys = login_keys(email, client)
%%% if orm=sqlalchemy
        self.login_throttle.check(keys)
        user = self.users.by_email(email)
%%% end
%%% if orm=django
        self.login_throttle.check(keys, "Too many failed logins; try again later.")
        user = User.objects.filter(email=normalize_email(email)).first()
%%% end
        if user is None:
%%% if orm=sqlalchemy
            spend_verification_time(password)
        if user is None or not verify_password(user.password_hash, password):
%%% end
%%% if orm=django
            # As long as a real check takes, so timing does not tell which emails exist.
            make_password(password)
        if user is None or not check_password(password, user.password):
%%% end
            self.login_throttle.record(keys)
%%% if orm=sqlalchemy
            # Committed here, not by the request: the request fails, the count must stand.
            self.session.commit()
%%% end
            raise AuthenticationError
        self.login_throttle.forget(keys[0])
        return user

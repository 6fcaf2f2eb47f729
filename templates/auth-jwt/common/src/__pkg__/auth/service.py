"""Registration, login, refresh-token rotation and logout: the rules, apart from HTTP."""

import uuid
from datetime import datetime

from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from ..core.columns import utc_now
from ..core.settings import Settings
from .models import RefreshToken, User
from .repository import UserRepository
from .schemas import Registration, TokenPair
from .security import (
    InvalidTokenError,
    hash_password,
    issue_token,
    read_token,
    spend_verification_time,
    verify_password,
)
from .throttle import LoginThrottle, login_keys

REVOKE_ATTEMPTS = 3


class EmailTakenError(Exception):
    """Another user has this email."""


class AuthenticationError(Exception):
    """Wrong credentials or an unusable token; deliberately says no more than that."""


class AuthService:
    def __init__(self, session: Session, settings: Settings) -> None:
        self.session = session
        self.users = UserRepository(session)
        self.settings = settings
        self.throttle = LoginThrottle(
            session, settings.login_max_attempts, settings.login_window_seconds
        )
        self.secret = settings.secret_key.get_secret_value()

    def register(self, registration: Registration) -> User:
        user = User(email=registration.email, password_hash=hash_password(registration.password))
        try:
            return self.users.add(user)
        except IntegrityError:
            # The unique index decides, so two racing registrations cannot both win.
            self.session.rollback()
            raise EmailTakenError from None

    def login(self, email: str, password: str, client: str | None = None) -> TokenPair:
        """A new token pair; AuthenticationError, or TooManyAttemptsError once throttled."""
        keys = login_keys(email, client)
        self.throttle.check(keys)
        user = self.users.by_email(email)
        if user is None:
            spend_verification_time(password)
        if user is None or not verify_password(user.password_hash, password):
            self.throttle.record_failure(keys)
            # Committed here, not by the request: the request fails, the count must stand.
            self.session.commit()
            raise AuthenticationError
        self.throttle.forget(keys[0])
        return self._issue_pair(user.id, family=str(uuid.uuid4()))

    def user_of_access_token(self, token: str) -> User:
        try:
            claims = read_token(self.secret, token, "access")
        except InvalidTokenError:
            raise AuthenticationError from None
        user = self.users.get(claims.user_id)
        if user is None:
            raise AuthenticationError
        return user

    def refresh(self, token: str) -> TokenPair:
        """A new pair for a live refresh token, which is used up by it.

        A token used a second time means it was stolen (or the client is
        broken): every token of its family is revoked, so the thief's copy
        dies too.
        """
        stored = self._stored_refresh_token(token)
        now = utc_now()
        # One conditional UPDATE decides, so the same token sent twice at once wins once.
        if not self.users.spend_refresh_token(stored.jti, now):
            self._revoke_now(stored.family, now)
            raise AuthenticationError
        return self._issue_pair(stored.user_id, family=stored.family)

    def _revoke_now(self, family: str, when: datetime) -> None:
        """Revoke a family and commit at once: the request fails, the revocation must stand.

        Concurrent revocations of one family (a token sent many times at once) can
        deadlock on MySQL/MariaDB; revoking twice is harmless, so it is retried.
        """
        for attempt in range(1, REVOKE_ATTEMPTS + 1):
            try:
                self.users.revoke_family(family, when)
                self.session.commit()
            except OperationalError:
                self.session.rollback()
                if attempt == REVOKE_ATTEMPTS:
                    raise
            else:
                return

    def logout(self, user: User, token: str) -> None:
        stored = self._stored_refresh_token(token)
        # Idempotent: logging out twice, or after a reuse revoked the family, is fine.
        if stored.user_id != user.id:
            raise AuthenticationError
        self.users.revoke_family(stored.family, utc_now())

    def _stored_refresh_token(self, token: str) -> RefreshToken:
        try:
            claims = read_token(self.secret, token, "refresh")
        except InvalidTokenError:
            raise AuthenticationError from None
        stored = self.users.refresh_token(claims.jti)
        if stored is None:
            raise AuthenticationError
        return stored

    def _issue_pair(self, user_id: int, family: str) -> TokenPair:
        access_ttl = self.settings.access_token_ttl_seconds
        access = issue_token(self.secret, user_id, "access", access_ttl)
        refresh = issue_token(
            self.secret, user_id, "refresh", self.settings.refresh_token_ttl_seconds
        )
        self.session.add(
            RefreshToken(
                jti=refresh.jti, user_id=user_id, family=family, expires_at=refresh.expires_at
            )
        )
        self.session.flush()
        return TokenPair(
            access_token=access.token, refresh_token=refresh.token, expires_in=access_ttl
        )

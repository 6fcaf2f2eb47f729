"""Token pairs for a user, refresh-token rotation and logout: the rules, apart from HTTP."""

import uuid
from datetime import datetime

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from ...core.columns import utc_now
from ...core.settings import Settings
from ..models import User
from ..repository import UserRepository
from ..service import AuthenticationError
from .models import RefreshToken
from .repository import RefreshTokenRepository
from .schemas import TokenPair
from .tokens import InvalidTokenError, TokenClaims, TokenType, issue_token, read_token

REVOKE_ATTEMPTS = 3


class TokenService:
    def __init__(self, session: Session, settings: Settings) -> None:
        self.session = session
        self.users = UserRepository(session)
        self.tokens = RefreshTokenRepository(session)
        self.settings = settings
        self.secret = settings.secret_key.get_secret_value()

    def login(self, user: User) -> TokenPair:
        """A new pair for a user whose credentials were checked, starting a new family."""
        return self._issue_pair(user.id, family=str(uuid.uuid4()))

    def user_of_access_token(self, token: str) -> User:
        user = self.users.get(self._claims(token, "access").user_id)
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
        if self.users.get(stored.user_id) is None:
            raise AuthenticationError  # the user is gone, and so is what the token was for
        now = utc_now()
        # One conditional UPDATE decides, so the same token sent twice at once wins once.
        if not self.tokens.spend(stored.jti, now):
            self._revoke_now(stored.family, now)
            raise AuthenticationError
        return self._issue_pair(stored.user_id, family=stored.family)

    def logout(self, user: User, token: str) -> None:
        stored = self._stored_refresh_token(token)
        # Idempotent: logging out twice, or after a reuse revoked the family, is fine.
        if stored.user_id != user.id:
            raise AuthenticationError
        self.tokens.revoke_family(stored.family, utc_now())

    def _revoke_now(self, family: str, when: datetime) -> None:
        """Revoke a family and commit at once: the request fails, the revocation must stand.

        Concurrent revocations of one family (a token sent many times at once) can
        deadlock on MySQL/MariaDB; revoking twice is harmless, so it is retried.
        """
        for attempt in range(1, REVOKE_ATTEMPTS + 1):
            try:
                self.tokens.revoke_family(family, when)
                self.session.commit()
            except OperationalError:
                self.session.rollback()
                if attempt == REVOKE_ATTEMPTS:
                    raise
            else:
                return

    def _claims(self, token: str, token_type: TokenType) -> TokenClaims:
        try:
            return read_token(self.secret, token, token_type)
        except InvalidTokenError:
            raise AuthenticationError from None

    def _stored_refresh_token(self, token: str) -> RefreshToken:
        stored = self.tokens.get(self._claims(token, "refresh").jti)
        if stored is None:
            raise AuthenticationError
        return stored

    def _issue_pair(self, user_id: int, family: str) -> TokenPair:
        access_ttl = self.settings.access_token_ttl_seconds
        access = issue_token(self.secret, user_id, "access", access_ttl)
        refresh = issue_token(
            self.secret, user_id, "refresh", self.settings.refresh_token_ttl_seconds
        )
        self.tokens.add(
            RefreshToken(
                jti=refresh.jti, user_id=user_id, family=family, expires_at=refresh.expires_at
            )
        )
        return TokenPair(
            access_token=access.token, refresh_token=refresh.token, expires_in=access_ttl
        )

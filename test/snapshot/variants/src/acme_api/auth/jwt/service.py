"""Token pairs for a user, refresh-token rotation and logout: the rules, apart from HTTP."""

import uuid
%%% if orm=sqlalchemy
from datetime import datetime
%%% end
%%% if orm=django
from dataclasses import dataclass
%%% end

%%% if orm=sqlalchemy
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
%%% end
%%% if orm=django
from django.db import transaction
from django.utils import timezone
%%% end

%%% if orm=sqlalchemy
from ...core.columns import utc_now
%%% end
from ...core.settings import Settings
from ..models import User
%%% if orm=sqlalchemy
from ..repository import UserRepository
%%% end
from ..service import AuthenticationError
from .models import RefreshToken
%%% if orm=sqlalchemy
from .repository import RefreshTokenRepository
from .schemas import TokenPair
%%% end
from .tokens import InvalidTokenError, TokenClaims, TokenType, issue_token, read_token

%%% if orm=sqlalchemy
REVOKE_ATTEMPTS = 3
%%% end

%%% if orm=django
@dataclass(frozen=True)
class TokenPair:
    access_token: str
    refresh_token: str
    expires_in: int
    token_type: str = "bearer"  # noqa: S105 - OAuth 2's token type, not a secret
%%% end

%%% if orm=django

%%% end
class TokenService:
%%% if orm=sqlalchemy
    def __init__(self, session: Session, settings: Settings) -> None:
        self.session = session
        self.users = UserRepository(session)
        self.tokens = RefreshTokenRepository(session)
%%% end
%%% if orm=django
    def __init__(self, settings: Settings) -> None:
%%% end
        self.settings = settings
        self.secret = settings.secret_key.get_secret_value()

    def login(self, user: User) -> TokenPair:
        """A new pair for a user whose credentials were checked, starting a new family."""
%%% if orm=sqlalchemy
        return self._issue_pair(user.id, family=str(uuid.uuid4()))
%%% end
%%% if orm=django
        return self._issue_pair(user.pk, family=str(uuid.uuid4()))
%%% end

    def user_of_access_token(self, token: str) -> User:
%%% if orm=sqlalchemy
        user = self.users.get(self._claims(token, "access").user_id)
%%% end
%%% if orm=django
        user = User.objects.filter(pk=self._claims(token, "access").user_id).first()
%%% end
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
%%% if orm=sqlalchemy
        if self.users.get(stored.user_id) is None:
            raise AuthenticationError  # the user is gone, and so is what the token was for
        now = utc_now()
%%% end
%%% if orm=django
        now = timezone.now()
%%% end
        # One conditional UPDATE decides, so the same token sent twice at once wins once.
%%% if orm=sqlalchemy
        if not self.tokens.spend(stored.jti, now):
            self._revoke_now(stored.family, now)
%%% end
%%% if orm=django
        spent = RefreshToken.objects.filter(
            pk=stored.pk, used_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now
        ).update(used_at=now)
        if spent != 1:
            self._revoke_family(stored.family)
%%% end
            raise AuthenticationError
        return self._issue_pair(stored.user_id, family=stored.family)

    def logout(self, user: User, token: str) -> None:
        stored = self._stored_refresh_token(token)
        # Idempotent: logging out twice, or after a reuse revoked the family, is fine.
%%% if orm=sqlalchemy
        if stored.user_id != user.id:
%%% end
%%% if orm=django
        if stored.user_id != user.pk:
%%% end
            raise AuthenticationError
%%% if orm=sqlalchemy
        self.tokens.revoke_family(stored.family, utc_now())
%%% end
%%% if orm=django
        self._revoke_family(stored.family)
%%% end

%%% if orm=sqlalchemy
    def _revoke_now(self, family: str, when: datetime) -> None:
        """Revoke a family and commit at once: the request fails, the revocation must stand.
%%% end
%%% if orm=django
    def _revoke_family(self, family: str) -> None:
        RefreshToken.objects.filter(family=family, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
%%% end

%%% if orm=sqlalchemy
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

%%% end
    def _claims(self, token: str, token_type: TokenType) -> TokenClaims:
        try:
            return read_token(self.secret, token, token_type)
        except InvalidTokenError:
            raise AuthenticationError from None

    def _stored_refresh_token(self, token: str) -> RefreshToken:
%%% if orm=sqlalchemy
        stored = self.tokens.get(self._claims(token, "refresh").jti)
%%% end
%%% if orm=django
        stored = RefreshToken.objects.filter(jti=self._claims(token, "refresh").jti).first()
%%% end
        if stored is None:
            raise AuthenticationError
        return stored

    def _issue_pair(self, user_id: int, family: str) -> TokenPair:
        access_ttl = self.settings.access_token_ttl_seconds
        access = issue_token(self.secret, user_id, "access", access_ttl)
        refresh = issue_token(
            self.secret, user_id, "refresh", self.settings.refresh_token_ttl_seconds
        )
%%% if orm=sqlalchemy
        self.tokens.add(
            RefreshToken(
%%% end
%%% if orm=django
        with transaction.atomic():
            RefreshToken.objects.create(
%%% end
                jti=refresh.jti, user_id=user_id, family=family, expires_at=refresh.expires_at
            )
%%% if orm=sqlalchemy
        )
%%% end
        return TokenPair(
            access_token=access.token, refresh_token=refresh.token, expires_in=access_ttl
        )

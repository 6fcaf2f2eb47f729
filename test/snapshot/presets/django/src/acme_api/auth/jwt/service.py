"""Token pairs for a user, refresh-token rotation and logout: the rules, apart from HTTP."""

import uuid
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from ...core.settings import Settings
from ..models import User
from ..service import AuthenticationError
from .models import RefreshToken
from .tokens import InvalidTokenError, TokenClaims, TokenType, issue_token, read_token


@dataclass(frozen=True)
class TokenPair:
    access_token: str
    refresh_token: str
    expires_in: int
    token_type: str = "bearer"  # noqa: S105 - OAuth 2's token type, not a secret


class TokenService:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.secret = settings.secret_key.get_secret_value()

    def login(self, user: User) -> TokenPair:
        """A new pair for a user whose credentials were checked, starting a new family."""
        return self._issue_pair(user.pk, family=str(uuid.uuid4()))

    def user_of_access_token(self, token: str) -> User:
        user = User.objects.filter(pk=self._claims(token, "access").user_id).first()
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
        now = timezone.now()
        # One conditional UPDATE decides, so the same token sent twice at once wins once.
        spent = RefreshToken.objects.filter(
            pk=stored.pk, used_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now
        ).update(used_at=now)
        if spent != 1:
            self._revoke_family(stored.family)
            raise AuthenticationError
        return self._issue_pair(stored.user_id, family=stored.family)

    def logout(self, user: User, token: str) -> None:
        stored = self._stored_refresh_token(token)
        # Idempotent: logging out twice, or after a reuse revoked the family, is fine.
        if stored.user_id != user.pk:
            raise AuthenticationError
        self._revoke_family(stored.family)

    def _revoke_family(self, family: str) -> None:
        RefreshToken.objects.filter(family=family, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )

    def _claims(self, token: str, token_type: TokenType) -> TokenClaims:
        try:
            return read_token(self.secret, token, token_type)
        except InvalidTokenError:
            raise AuthenticationError from None

    def _stored_refresh_token(self, token: str) -> RefreshToken:
        stored = RefreshToken.objects.filter(jti=self._claims(token, "refresh").jti).first()
        if stored is None:
            raise AuthenticationError
        return stored

    def _issue_pair(self, user_id: int, family: str) -> TokenPair:
        access_ttl = self.settings.access_token_ttl_seconds
        access = issue_token(self.secret, user_id, "access", access_ttl)
        refresh = issue_token(
            self.secret, user_id, "refresh", self.settings.refresh_token_ttl_seconds
        )
        with transaction.atomic():
            RefreshToken.objects.create(
                jti=refresh.jti, user_id=user_id, family=family, expires_at=refresh.expires_at
            )
        return TokenPair(
            access_token=access.token, refresh_token=refresh.token, expires_in=access_ttl
        )

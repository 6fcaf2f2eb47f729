"""From a provider's identity to a user of this app: found, linked or created."""

import contextlib
from datetime import datetime

from django.db import IntegrityError, OperationalError, transaction
from django.utils import timezone

from ..models import User
from .flow import ProviderIdentity
from .models import OAuthIdentity, SpentOAuthState


class OAuthLoginService:
    def user_for(self, identity: ProviderIdentity) -> User:
        """The user this identity is, linking it (by its verified email) the first time.

        The flow only hands over verified emails, so an existing account is linked
        only to someone who proved they own its address.
        """
        user = self._linked_user(identity)
        if user is not None:
            return user
        try:
            return self._link(identity)
        except IntegrityError:
            # Another request made a row first: this identity's first login, at the
            # same time (the identities' unique constraint), or an account registered
            # with this email (the users' one). Its row is now there to find, or to link.
            return self._linked_user(identity) or self._link(identity)

    def spend(self, state_id: str, expires_at: datetime) -> bool:
        """Record a login's state as used: the primary key lets it happen once.

        Spent states are kept only until they expire (a state is refused after that
        anyway): each spend then sweeps the expired ones.
        """
        try:
            with transaction.atomic():
                SpentOAuthState.objects.create(state_id=state_id, expires_at=expires_at)
        except IntegrityError:
            return False
        # Two sweeps at once can deadlock on MySQL; the next spend sweeps again.
        with contextlib.suppress(OperationalError):
            SpentOAuthState.objects.filter(expires_at__lt=timezone.now()).delete()
        return True

    def _link(self, identity: ProviderIdentity) -> User:
        with transaction.atomic():
            user = self._user_with_email(identity.email) or self._new_user(identity.email)
            OAuthIdentity.objects.create(
                user=user, provider=identity.provider, subject=identity.subject
            )
        return user

    def _user_with_email(self, email: str) -> User | None:
        return User.objects.filter(email=email).first()

    def _new_user(self, email: str) -> User:
        user = User(email=email)
        # No password matches: such a user logs in through providers only.
        user.set_unusable_password()
        user.save()
        return user

    def _linked_user(self, identity: ProviderIdentity) -> User | None:
        linked = OAuthIdentity.objects.filter(provider=identity.provider, subject=identity.subject)
        return User.objects.filter(pk__in=linked.values("user_id")).first()

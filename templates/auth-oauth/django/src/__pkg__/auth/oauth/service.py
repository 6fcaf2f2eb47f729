"""From a provider's identity to a user of this app: found, linked or created."""

from django.db import IntegrityError, transaction

from ..models import User
from .flow import ProviderIdentity
from .models import OAuthIdentity


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
            with transaction.atomic():
                user = User.objects.filter(email=identity.email).first() or self._new_user(
                    identity.email
                )
                OAuthIdentity.objects.create(
                    user=user, provider=identity.provider, subject=identity.subject
                )
        except IntegrityError:
            # The same first login twice at once: a unique constraint let one win; use its user.
            user = self._linked_user(identity)
            if user is None:
                raise
        return user

    def _new_user(self, email: str) -> User:
        user = User(email=email)
        # No password matches: such a user logs in through providers only.
        user.set_unusable_password()
        user.save()
        return user

    def _linked_user(self, identity: ProviderIdentity) -> User | None:
        linked = OAuthIdentity.objects.filter(provider=identity.provider, subject=identity.subject)
        return User.objects.filter(pk__in=linked.values("user_id")).first()

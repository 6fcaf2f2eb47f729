"""From a provider's identity to a user of this app: found, linked or created."""

%%% if orm=sqlalchemy
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
%%% end
%%% if orm=django
from django.db import IntegrityError, transaction
%%% end

from ..models import User
%%% if orm=sqlalchemy
from ..repository import UserRepository
%%% end
from .flow import ProviderIdentity
from .models import OAuthIdentity

%%% if orm=sqlalchemy
# Not an Argon2 hash, so no password matches it: such a user logs in through providers only.
NO_PASSWORD = "!"  # noqa: S105 - a marker, not a password
%%% end

%%% if orm=sqlalchemy

%%% end
class OAuthLoginService:
%%% if orm=sqlalchemy
    def __init__(self, session: Session) -> None:
        self.session = session
        self.users = UserRepository(session)

%%% end
    def user_for(self, identity: ProviderIdentity) -> User:
        """The user this identity is, linking it (by its verified email) the first time.

        The flow only hands over verified emails, so an existing account is linked
        only to someone who proved they own its address.
        """
        user = self._linked_user(identity)
        if user is not None:
            return user
%%% if orm=sqlalchemy
        user = self.users.by_email(identity.email) or self.users.add(
            User(email=identity.email, password_hash=NO_PASSWORD)
        )
        self.session.add(
            OAuthIdentity(user_id=user.id, provider=identity.provider, subject=identity.subject)
        )
%%% end
        try:
%%% if orm=sqlalchemy
            self.session.flush()
%%% end
%%% if orm=django
            with transaction.atomic():
                user = User.objects.filter(email=identity.email).first() or self._new_user(
                    identity.email
                )
                OAuthIdentity.objects.create(
                    user=user, provider=identity.provider, subject=identity.subject
                )
%%% end
        except IntegrityError:
%%% if orm=sqlalchemy
            # The same first login twice at once: the unique index let one win; use its user.
            self.session.rollback()
%%% end
%%% if orm=django
            # The same first login twice at once: a unique constraint let one win; use its user.
%%% end
            user = self._linked_user(identity)
            if user is None:
                raise
        return user

%%% if orm=django
    def _new_user(self, email: str) -> User:
        user = User(email=email)
        # No password matches: such a user logs in through providers only.
        user.set_unusable_password()
        user.save()
        return user

%%% end
    def _linked_user(self, identity: ProviderIdentity) -> User | None:
%%% if orm=sqlalchemy
        return self.session.scalars(
            select(User)
            .join(OAuthIdentity, OAuthIdentity.user_id == User.id)
            .where(
                OAuthIdentity.provider == identity.provider,
                OAuthIdentity.subject == identity.subject,
            )
        ).one_or_none()
%%% end
%%% if orm=django
        linked = OAuthIdentity.objects.filter(provider=identity.provider, subject=identity.subject)
        return User.objects.filter(pk__in=linked.values("user_id")).first()
%%% end

"""From a provider's identity to a user of this app: found, linked or created."""

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..models import User
from ..repository import UserRepository
from .flow import ProviderIdentity
from .models import OAuthIdentity

# Not an Argon2 hash, so no password matches it: such a user logs in through providers only.
NO_PASSWORD = "!"  # noqa: S105 - a marker, not a password


class OAuthLoginService:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.users = UserRepository(session)

    def user_for(self, identity: ProviderIdentity) -> User:
        """The user this identity is, linking it (by its verified email) the first time.

        The flow only hands over verified emails, so an existing account is linked
        only to someone who proved they own its address.
        """
        user = self._linked_user(identity)
        if user is not None:
            return user
        user = self.users.by_email(identity.email) or self.users.add(
            User(email=identity.email, password_hash=NO_PASSWORD)
        )
        self.session.add(
            OAuthIdentity(user_id=user.id, provider=identity.provider, subject=identity.subject)
        )
        try:
            self.session.flush()
        except IntegrityError:
            # The same first login twice at once: the unique index let one win; use its user.
            self.session.rollback()
            user = self._linked_user(identity)
            if user is None:
                raise
        return user

    def _linked_user(self, identity: ProviderIdentity) -> User | None:
        return self.session.scalars(
            select(User)
            .join(OAuthIdentity, OAuthIdentity.user_id == User.id)
            .where(
                OAuthIdentity.provider == identity.provider,
                OAuthIdentity.subject == identity.subject,
            )
        ).one_or_none()

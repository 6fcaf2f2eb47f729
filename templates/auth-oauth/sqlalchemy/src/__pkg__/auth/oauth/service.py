"""From a provider's identity to a user of this app: found, linked or created."""

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from ...core.columns import utc_now
from ..models import User
from ..repository import UserRepository
from .flow import ProviderIdentity
from .models import OAuthIdentity, SpentOAuthState

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
        try:
            return self._link(identity)
        except IntegrityError:
            # Another request made a row first: this identity's first login, at the
            # same time (the identities' unique index), or an account registered with
            # this email (the users' one). Its row is now there to find, or to link.
            self.session.rollback()
        return self._linked_user(identity) or self._link(identity)

    def spend(self, state_id: str, expires_at: datetime) -> bool:
        """Record a login's state as used: the primary key lets it happen once.

        Spent states are kept only until they expire (a state is refused after that
        anyway): each spend then sweeps the expired ones.
        """
        self.session.add(SpentOAuthState(state_id=state_id, expires_at=expires_at))
        try:
            # Committed at once: a callback that fails later still used its state.
            self.session.commit()
        except IntegrityError:
            self.session.rollback()
            return False
        try:
            self.session.execute(
                delete(SpentOAuthState).where(SpentOAuthState.expires_at < utc_now())
            )
            self.session.commit()
        except OperationalError:
            # Two sweeps at once can deadlock on MySQL; the next spend sweeps again.
            self.session.rollback()
        return True

    def _link(self, identity: ProviderIdentity) -> User:
        user = self.users.by_email(identity.email) or self.users.add(
            User(email=identity.email, password_hash=NO_PASSWORD)
        )
        self.session.add(
            OAuthIdentity(user_id=user.id, provider=identity.provider, subject=identity.subject)
        )
        self.session.flush()
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

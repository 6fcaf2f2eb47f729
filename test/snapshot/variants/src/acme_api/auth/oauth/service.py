"""From a provider's identity to a user of this app: found, linked or created."""

%%% if orm=django
import contextlib
%%% end
from datetime import datetime

%%% if orm=sqlalchemy
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session
%%% end
%%% if orm=django
from django.db import IntegrityError, OperationalError, transaction
from django.utils import timezone
%%% end

%%% if orm=sqlalchemy
from ...core.columns import utc_now
%%% end
from ..models import User
%%% if orm=sqlalchemy
from ..repository import UserRepository
%%% end
from .flow import ProviderIdentity
from .models import OAuthIdentity, SpentOAuthState

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
        try:
            return self._link(identity)
        except IntegrityError:
            # Another request made a row first: this identity's first login, at the
%%% if orm=sqlalchemy
            # same time (the identities' unique index), or an account registered with
            # this email (the users' one). Its row is now there to find, or to link.
            self.session.rollback()
        return self._linked_user(identity) or self._link(identity)
%%% end
%%% if orm=django
            # same time (the identities' unique constraint), or an account registered
            # with this email (the users' one). Its row is now there to find, or to link.
            return self._linked_user(identity) or self._link(identity)
%%% end

    def spend(self, state_id: str, expires_at: datetime) -> bool:
        """Record a login's state as used: the primary key lets it happen once.

        Spent states are kept only until they expire (a state is refused after that
        anyway): each spend then sweeps the expired ones.
        """
%%% if orm=sqlalchemy
        self.session.add(SpentOAuthState(state_id=state_id, expires_at=expires_at))
%%% end
        try:
%%% if orm=sqlalchemy
            # Committed at once: a callback that fails later still used its state.
            self.session.commit()
%%% end
%%% if orm=django
            with transaction.atomic():
                SpentOAuthState.objects.create(state_id=state_id, expires_at=expires_at)
%%% end
        except IntegrityError:
%%% if orm=sqlalchemy
            self.session.rollback()
%%% end
            return False
%%% if orm=sqlalchemy
        try:
            self.session.execute(
                delete(SpentOAuthState).where(SpentOAuthState.expires_at < utc_now())
            )
            self.session.commit()
        except OperationalError:
            # Two sweeps at once can deadlock on MySQL; the next spend sweeps again.
            self.session.rollback()
%%% end
%%% if orm=django
        # Two sweeps at once can deadlock on MySQL; the next spend sweeps again.
        with contextlib.suppress(OperationalError):
            SpentOAuthState.objects.filter(expires_at__lt=timezone.now()).delete()
%%% end
        return True

    def _link(self, identity: ProviderIdentity) -> User:
%%% if orm=sqlalchemy
        user = self.users.by_email(identity.email) or self.users.add(
            User(email=identity.email, password_hash=NO_PASSWORD)
        )
        self.session.add(
            OAuthIdentity(user_id=user.id, provider=identity.provider, subject=identity.subject)
        )
        self.session.flush()
%%% end
%%% if orm=django
        with transaction.atomic():
            user = self._user_with_email(identity.email) or self._new_user(identity.email)
            OAuthIdentity.objects.create(
                user=user, provider=identity.provider, subject=identity.subject
            )
%%% end
        return user

%%% if orm=django
    def _user_with_email(self, email: str) -> User | None:
        return User.objects.filter(email=email).first()

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

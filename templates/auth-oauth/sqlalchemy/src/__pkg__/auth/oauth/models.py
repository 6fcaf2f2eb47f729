"""Which provider accounts belong to which user, so a login finds its user again; and
which logins were completed, so each works once."""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from ...core.columns import ID, UtcDateTime, utc_now
from ...core.db import Base


class OAuthIdentity(Base):
    """A user's account at a provider, by the provider's stable id (an email can change)."""

    __tablename__ = "oauth_identities"

    id: Mapped[int] = mapped_column(ID, primary_key=True)
    user_id: Mapped[int] = mapped_column(ID, ForeignKey("users.id", ondelete="CASCADE"), index=True)
    provider: Mapped[str] = mapped_column(String(20))
    subject: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


# One user per provider account; the index decides when two first logins race.
Index(
    "uq_oauth_identities_provider_subject",
    OAuthIdentity.provider,
    OAuthIdentity.subject,
    unique=True,
)


class SpentOAuthState(Base):
    """A login's state, once its callback has used it; kept until the state expires."""

    __tablename__ = "oauth_spent_states"

    state_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)

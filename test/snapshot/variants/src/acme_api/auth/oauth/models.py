"""Which provider accounts belong to which user, so a login finds its user again; and
which logins were completed, so each works once."""

%%% if orm=sqlalchemy
from datetime import datetime
%%% end
%%% if orm=django
from django.conf import settings
from django.db import models
%%% end

%%% if orm=sqlalchemy
from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column
%%% end

%%% if orm=sqlalchemy
from ...core.columns import ID, UtcDateTime, utc_now
from ...core.db import Base


class OAuthIdentity(Base):
%%% end
%%% if orm=django
class OAuthIdentity(models.Model):
%%% end
    """A user's account at a provider, by the provider's stable id (an email can change)."""

%%% if orm=sqlalchemy
    __tablename__ = "oauth_identities"
%%% end
%%% if orm=django
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    provider = models.CharField(max_length=20)
    subject = models.CharField(max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)
%%% end

%%% if orm=sqlalchemy
    id: Mapped[int] = mapped_column(ID, primary_key=True)
    user_id: Mapped[int] = mapped_column(ID, ForeignKey("users.id", ondelete="CASCADE"), index=True)
    provider: Mapped[str] = mapped_column(String(20))
    subject: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
%%% end
%%% if orm=django
    class Meta:
        db_table = "oauth_identities"
        # One user per provider account; the constraint decides when two first logins race.
        constraints = (
            models.UniqueConstraint(
                fields=("provider", "subject"), name="uq_oauth_identities_provider_subject"
            ),
        )
%%% end

%%% if orm=django
    def __str__(self) -> str:
        return f"{self.provider}:{self.subject}"
%%% end

%%% if orm=sqlalchemy
# One user per provider account; the index decides when two first logins race.
Index(
    "uq_oauth_identities_provider_subject",
    OAuthIdentity.provider,
    OAuthIdentity.subject,
    unique=True,
)
%%% end

%%% if orm=sqlalchemy

class SpentOAuthState(Base):
%%% end
%%% if orm=django
class SpentOAuthState(models.Model):
%%% end
    """A login's state, once its callback has used it; kept until the state expires."""

%%% if orm=sqlalchemy
    __tablename__ = "oauth_spent_states"
%%% end
%%% if orm=django
    state_id = models.CharField(max_length=36, primary_key=True)
    expires_at = models.DateTimeField(db_index=True)
%%% end

%%% if orm=sqlalchemy
    state_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
%%% end
%%% if orm=django
    class Meta:
        db_table = "oauth_spent_states"
%%% end

%%% if orm=django
    def __str__(self) -> str:
        return self.state_id

%%% end
%%% if orm=sqlalchemy
"""The refresh tokens issued to users, so a token can be used once, and revoked."""
%%% end
%%% if orm=django
"""Refresh tokens as stored: each works once, and a family dies together."""
%%% end

%%% if orm=sqlalchemy
from datetime import datetime
%%% end
%%% if orm=django
from django.conf import settings
from django.db import models
%%% end

%%% if orm=sqlalchemy
from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column
%%% end

%%% if orm=sqlalchemy
from ...core.columns import ID, UtcDateTime
from ...core.db import Base
%%% end
%%% if orm=django
class RefreshToken(models.Model):
    """One issued refresh token; `family` links the tokens one login rotated into."""
%%% end

%%% if orm=django
    jti = models.CharField(max_length=36, unique=True)
    family = models.CharField(max_length=36, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True)
    revoked_at = models.DateTimeField(null=True)
%%% end

%%% if orm=sqlalchemy
class RefreshToken(Base):
    """One issued refresh token. Rotation marks it used; using it again revokes its family."""
%%% end
%%% if orm=django
    class Meta:
        db_table = "refresh_tokens"
%%% end

%%% if orm=sqlalchemy
    __tablename__ = "refresh_tokens"
%%% end
%%% if orm=django
    def __str__(self) -> str:
        return self.jti
%%% end

%%% if orm=sqlalchemy
    jti: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[int] = mapped_column(ID, ForeignKey("users.id", ondelete="CASCADE"), index=True)
    # Every token rotated from the same login: revoked together when one is reused.
    family: Mapped[str] = mapped_column(String(36), index=True)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

%%% end
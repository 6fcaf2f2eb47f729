"""The refresh tokens issued to users, so a token can be used once, and revoked."""

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from ...core.columns import ID, UtcDateTime
from ...core.db import Base


class RefreshToken(Base):
    """One issued refresh token. Rotation marks it used; using it again revokes its family."""

    __tablename__ = "refresh_tokens"

    jti: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[int] = mapped_column(ID, ForeignKey("users.id", ondelete="CASCADE"), index=True)
    # Every token rotated from the same login: revoked together when one is reused.
    family: Mapped[str] = mapped_column(String(36), index=True)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

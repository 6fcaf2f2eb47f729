"""The sessions users are logged in with, kept in the database so logout ends them."""

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from ...core.columns import ID, UtcDateTime
from ...core.db import Base


class LoginSession(Base):
    """One login. The token itself is never stored: a leaked table logs no one in."""

    __tablename__ = "sessions"

    # SHA-256 of the cookie's token, hex: what a request's token is looked up by.
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ID, ForeignKey("users.id", ondelete="CASCADE"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    last_seen_at: Mapped[datetime] = mapped_column(UtcDateTime)

"""Users, and their throttled attempts (failed logins, registrations), kept for their
window in the database, so N processes count as one."""

import uuid
from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from ..core.columns import ID, UtcDateTime, utc_now
from ..core.db import Base
from .roles import DEFAULT_ROLE


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(ID, primary_key=True)
    # Stored normalized (NFKC, lower case), so uniqueness ignores case and look-alikes.
    email: Mapped[str] = mapped_column(String(320), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20), default=DEFAULT_ROLE)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


def _new_id() -> str:
    return str(uuid.uuid4())


class LoginFailure(Base):
    """One counted attempt under one key.

    A failed login counts under `login:email:...` and `login:client:...`, a
    registration under `registration:client:...`.
    """

    __tablename__ = "login_failures"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=_new_id)
    key: Mapped[str] = mapped_column(String(400), index=True)
    failed_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, index=True)

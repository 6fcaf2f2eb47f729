"""Failed logins, kept for the throttle window: in the database, so N processes count as one."""

import uuid
from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from ..columns import UtcDateTime, utc_now
from ..db import Base


def _new_id() -> str:
    return str(uuid.uuid4())


class LoginFailure(Base):
    """One failed login, under each key it counts against (`email:...`, `client:...`)."""

    __tablename__ = "login_failures"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=_new_id)
    key: Mapped[str] = mapped_column(String(400), index=True)
    failed_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, index=True)

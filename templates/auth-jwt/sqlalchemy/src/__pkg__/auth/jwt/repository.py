"""Queries of refresh tokens (they flush or update; the caller's unit of work commits)."""

from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, update
from sqlalchemy.orm import Session

from .models import RefreshToken


class RefreshTokenRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, jti: str) -> RefreshToken | None:
        return self.session.get(RefreshToken, jti)

    def add(self, token: RefreshToken) -> None:
        self.session.add(token)
        self.session.flush()

    def spend(self, jti: str, when: datetime) -> bool:
        """Mark an unused token used; False when it was used already (here or concurrently)."""
        # Counted, not RETURNING: MySQL and MariaDB 10 cannot return from an UPDATE.
        spent = cast(
            "CursorResult[Any]",
            self.session.execute(
                update(RefreshToken)
                .where(RefreshToken.jti == jti, RefreshToken.used_at.is_(None))
                .values(used_at=when)
                .execution_options(synchronize_session=False)
            ),
        )
        return spent.rowcount == 1

    def revoke_family(self, family: str, when: datetime) -> None:
        self.session.execute(
            update(RefreshToken)
            .where(RefreshToken.family == family, RefreshToken.used_at.is_(None))
            .values(used_at=when)
        )

"""Queries of users and their refresh tokens (they flush; the caller's unit of work commits)."""

from collections.abc import Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, func, select, update
from sqlalchemy.orm import Session

from .models import RefreshToken, User
from .roles import Role


class UserRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, user_id: int) -> User | None:
        return self.session.get(User, user_id)

    def by_email(self, email: str) -> User | None:
        return self.session.scalars(select(User).where(User.email == email.lower())).one_or_none()

    def add(self, user: User) -> User:
        self.session.add(user)
        self.session.flush()
        return user

    def set_role(self, user: User, role: Role) -> User:
        user.role = role
        self.session.flush()
        return user

    def count_role(self, role: Role) -> int:
        return self.session.scalar(select(func.count(User.id)).where(User.role == role)) or 0

    def page(self, limit: int, offset: int) -> tuple[Sequence[User], int]:
        rows = self.session.scalars(
            select(User).order_by(User.id).limit(limit).offset(offset)
        ).all()
        return rows, self.session.scalar(select(func.count(User.id))) or 0

    def refresh_token(self, jti: str) -> RefreshToken | None:
        return self.session.get(RefreshToken, jti)

    def spend_refresh_token(self, jti: str, when: datetime) -> bool:
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

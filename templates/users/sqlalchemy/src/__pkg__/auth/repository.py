"""Queries of users (they flush; the caller's unit of work commits)."""

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .emails import normalize_email
from .models import User
from .roles import Role


class UserRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, user_id: int) -> User | None:
        return self.session.get(User, user_id)

    def by_email(self, email: str) -> User | None:
        return self.session.scalars(
            select(User).where(User.email == normalize_email(email))
        ).one_or_none()

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

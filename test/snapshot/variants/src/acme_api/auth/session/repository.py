"""Queries of login sessions (they flush or delete; the caller's unit of work commits)."""

from datetime import datetime

from sqlalchemy import delete, update
from sqlalchemy.orm import Session

from .models import LoginSession


class LoginSessionRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, token_hash: str) -> LoginSession | None:
        return self.session.get(LoginSession, token_hash)

    def add(self, login: LoginSession) -> None:
        self.session.add(login)
        self.session.flush()

    def touch(self, token_hash: str, when: datetime) -> None:
        self.session.execute(
            update(LoginSession)
            .where(LoginSession.token_hash == token_hash)
            .values(last_seen_at=when)
            .execution_options(synchronize_session=False)
        )

    def remove(self, token_hash: str) -> None:
        # One DELETE by key: removing a session twice (two logouts at once) is harmless.
        self.session.execute(
            delete(LoginSession)
            .where(LoginSession.token_hash == token_hash)
            .execution_options(synchronize_session=False)
        )

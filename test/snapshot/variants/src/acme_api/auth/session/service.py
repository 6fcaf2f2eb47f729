"""Sessions of users: started at login, checked on every request, ended at logout or expiry.

Only the standard library's `secrets`, `hashlib` and `hmac` are used: a random
token, its SHA-256 in the database, and a constant-time CSRF comparison.
"""

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.orm import Session

from ...core.columns import utc_now
from ...core.settings import Settings
from ..models import User
from ..repository import UserRepository
from ..service import AuthenticationError
from .models import LoginSession
from .repository import LoginSessionRepository

TOKEN_BYTES = 32
# last_seen_at is written at most this often, so checking a session stays a read.
TOUCH_INTERVAL = timedelta(seconds=60)


class CsrfError(Exception):
    """An unsafe request of a live session without that session's CSRF token."""


@dataclass(frozen=True)
class StartedSession:
    user: User
    # For the cookie only: the database keeps its hash.
    token: str
    csrf_token: str


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def same_token(given: str | None, expected: str) -> bool:
    """Whether `given` is `expected`, in time that does not tell how much of it matched."""
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())


class SessionService:
    def __init__(self, session: Session, settings: Settings) -> None:
        self.session = session
        self.users = UserRepository(session)
        self.sessions = LoginSessionRepository(session)
        self.idle = timedelta(seconds=settings.session_idle_seconds)
        self.max_age = timedelta(seconds=settings.session_max_age_seconds)

    def login(self, user: User, previous_token: str | None = None) -> StartedSession:
        """A new session for a user whose credentials were checked.

        The session the client held before, whoever's it was, ends here: an id
        planted before login (session fixation) is worth nothing after it.
        """
        if previous_token:
            self.sessions.remove(hash_token(previous_token))
        token, csrf_token = secrets.token_urlsafe(TOKEN_BYTES), secrets.token_urlsafe(TOKEN_BYTES)
        now = utc_now()
        self.sessions.add(
            LoginSession(
                token_hash=hash_token(token),
                user_id=user.id,
                csrf_token=csrf_token,
                created_at=now,
                last_seen_at=now,
            )
        )
        return StartedSession(user, token, csrf_token)

    def user_of(self, token: str, csrf_token: str | None = None, *, unsafe: bool = False) -> User:
        """The user of a live session: AuthenticationError otherwise, and CsrfError
        for an unsafe request whose CSRF token is missing or wrong."""
        login = self._live(hash_token(token))
        user = self.users.get(login.user_id)
        if user is None:
            raise AuthenticationError
        if unsafe and not same_token(csrf_token, login.csrf_token):
            raise CsrfError
        return user

    def logout(self, token: str) -> None:
        self.sessions.remove(hash_token(token))

    def _live(self, token_hash: str) -> LoginSession:
        login = self.sessions.get(token_hash)
        if login is None:
            raise AuthenticationError
        now = utc_now()
        if now - login.last_seen_at > self.idle or now - login.created_at > self.max_age:
            # Committed at once: the request fails, and the session must stay gone.
            self.sessions.remove(token_hash)
            self.session.commit()
            raise AuthenticationError
        if now - login.last_seen_at > TOUCH_INTERVAL:
            self.sessions.touch(token_hash, now)
        return login

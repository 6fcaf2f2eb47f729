"""Throttles: at most so many counted attempts per key within a window, then 429.

Each login or registration costs an Argon2 hash; without a limit, anyone can
guess passwords, create accounts by the thousand, or spend the server's memory
and CPU on hashing. The rule lives here, apart from HTTP; a route only maps
TooManyAttemptsError to 429 with Retry-After. Attempts are rows in the
database, so N processes count as one.

- logins: LOGIN_MAX_ATTEMPTS failed logins per email and per client address
  within LOGIN_WINDOW_SECONDS;
- registrations: REGISTRATION_MAX_ATTEMPTS per client address within
  REGISTRATION_WINDOW_SECONDS.
"""

import math
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ..core.columns import utc_now
from .emails import normalize_email
from .models import LoginFailure


class TooManyAttemptsError(Exception):
    """Too many attempts; `retry_after` is in whole seconds."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"retry after {retry_after} s")
        self.retry_after = retry_after


def login_keys(email: str, client: str | None) -> tuple[str, ...]:
    """What one login counts against: the email tried, and where it came from."""
    keys = [f"login:email:{normalize_email(email)}"]
    if client:
        keys.append(f"login:client:{client}")
    return tuple(keys)


def registration_keys(client: str | None) -> tuple[str, ...]:
    """What one registration counts against: where it came from."""
    return (f"registration:client:{client}",) if client else ()


class Throttle:
    """Counts attempts under keys of one kind (`kind:...`) and refuses once a key has too many."""

    def __init__(self, session: Session, kind: str, max_attempts: int, window_seconds: int) -> None:
        self.session = session
        self.prefix = f"{kind}:"
        self.max_attempts = max_attempts
        self.window = timedelta(seconds=window_seconds)

    def check(self, keys: tuple[str, ...], now: datetime | None = None) -> None:
        """Raise TooManyAttemptsError when any key has used up its attempts in the window."""
        now = now or utc_now()
        since = now - self.window
        for key in keys:
            recent = select(LoginFailure.failed_at).where(
                LoginFailure.key == key, LoginFailure.failed_at > since
            )
            count = self.session.scalar(select(func.count()).select_from(recent.subquery())) or 0
            if count >= self.max_attempts:
                oldest = self.session.scalar(
                    recent.order_by(LoginFailure.failed_at).offset(count - self.max_attempts)
                )
                until = (oldest or now) + self.window
                raise TooManyAttemptsError(max(1, math.ceil((until - now).total_seconds())))

    def record(self, keys: tuple[str, ...]) -> None:
        now = utc_now()
        self.session.add_all(LoginFailure(key=key, failed_at=now) for key in keys)
        # This kind's attempts older than its window count no more: drop them as we
        # go, so the table stays small.
        self.session.execute(
            delete(LoginFailure).where(
                LoginFailure.key.startswith(self.prefix, autoescape=True),
                LoginFailure.failed_at <= now - self.window,
            )
        )

    def forget(self, key: str) -> None:
        """Clear one key's attempts (a successful login clears its email's)."""
        self.session.execute(delete(LoginFailure).where(LoginFailure.key == key))

"""The login throttle: LOGIN_MAX_ATTEMPTS failed logins per email and per client address
within LOGIN_WINDOW_SECONDS, then 429 until the oldest of them leaves the window.

Each failed attempt costs an Argon2 hash; without a limit, anyone can guess
passwords or spend the server's memory and CPU on hashing.
"""

import math
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ..core.columns import utc_now
from .models import LoginFailure


class TooManyAttemptsError(Exception):
    """Too many failed logins; `retry_after` is in whole seconds."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"retry after {retry_after} s")
        self.retry_after = retry_after


def login_keys(email: str, client: str | None) -> tuple[str, ...]:
    """What one attempt counts against: the email tried, and where it came from."""
    keys = [f"email:{email.strip().lower()}"]
    if client:
        keys.append(f"client:{client}")
    return tuple(keys)


class LoginThrottle:
    def __init__(self, session: Session, max_attempts: int, window_seconds: int) -> None:
        self.session = session
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

    def record_failure(self, keys: tuple[str, ...]) -> None:
        now = utc_now()
        self.session.add_all(LoginFailure(key=key, failed_at=now) for key in keys)
        # Old failures count no more: drop them as we go, so the table stays small.
        self.session.execute(
            delete(LoginFailure).where(LoginFailure.failed_at <= now - self.window)
        )

    def forget(self, email_key: str) -> None:
        """A successful login clears its email's failures (not the address's)."""
        self.session.execute(delete(LoginFailure).where(LoginFailure.key == email_key))

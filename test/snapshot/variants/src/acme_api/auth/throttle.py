"""Throttles: at most so many counted attempts per key within a window, then 429.

Each login or registration costs an Argon2 hash; without a limit, anyone can
guess passwords, create accounts by the thousand, or spend the server's memory
%%% if orm=sqlalchemy
and CPU on hashing. The rule lives here, apart from HTTP; a route only maps
TooManyAttemptsError to 429 with Retry-After. Attempts are rows in the
database, so N processes count as one.
%%% end
%%% if orm=django
and CPU on hashing. Attempts are rows in the database, so N processes count as one:
%%% end

- logins: LOGIN_MAX_ATTEMPTS failed logins per email and per client address
  within LOGIN_WINDOW_SECONDS;
- registrations: REGISTRATION_MAX_ATTEMPTS per client address within
  REGISTRATION_WINDOW_SECONDS.
"""

import math
from datetime import datetime, timedelta

%%% if orm=sqlalchemy
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session
%%% end
%%% if orm=django
from django.utils import timezone
from rest_framework import status
from rest_framework.exceptions import Throttled
%%% end

%%% if orm=sqlalchemy
from ..core.columns import utc_now
%%% end
from .emails import normalize_email
from .models import LoginFailure


%%% if orm=sqlalchemy
class TooManyAttemptsError(Exception):
    """Too many attempts; `retry_after` is in whole seconds."""
%%% end
%%% if orm=django
class TooManyAttemptsError(Throttled):
    """Too many attempts: a 429 with Retry-After, in whole seconds."""
%%% end

%%% if orm=sqlalchemy
    def __init__(self, retry_after: int) -> None:
        super().__init__(f"retry after {retry_after} s")
        self.retry_after = retry_after
%%% end
%%% if orm=django
    status_code = status.HTTP_429_TOO_MANY_REQUESTS
%%% end


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

%%% if orm=sqlalchemy
    def __init__(self, session: Session, kind: str, max_attempts: int, window_seconds: int) -> None:
        self.session = session
%%% end
%%% if orm=django
    def __init__(self, kind: str, max_attempts: int, window_seconds: int) -> None:
%%% end
        self.prefix = f"{kind}:"
        self.max_attempts = max_attempts
        self.window = timedelta(seconds=window_seconds)

%%% if orm=sqlalchemy
    def check(self, keys: tuple[str, ...], now: datetime | None = None) -> None:
%%% end
%%% if orm=django
    def check(self, keys: tuple[str, ...], detail: str, now: datetime | None = None) -> None:
%%% end
        """Raise TooManyAttemptsError when any key has used up its attempts in the window."""
%%% if orm=sqlalchemy
        now = now or utc_now()
        since = now - self.window
%%% end
%%% if orm=django
        now = now or timezone.now()
%%% end
        for key in keys:
%%% if orm=sqlalchemy
            recent = select(LoginFailure.failed_at).where(
                LoginFailure.key == key, LoginFailure.failed_at > since
            )
            count = self.session.scalar(select(func.count()).select_from(recent.subquery())) or 0
%%% end
%%% if orm=django
            recent = LoginFailure.objects.filter(key=key, failed_at__gt=now - self.window)
            count = recent.count()
%%% end
            if count >= self.max_attempts:
%%% if orm=sqlalchemy
                oldest = self.session.scalar(
                    recent.order_by(LoginFailure.failed_at).offset(count - self.max_attempts)
                )
                until = (oldest or now) + self.window
                raise TooManyAttemptsError(max(1, math.ceil((until - now).total_seconds())))
%%% end
%%% if orm=django
                oldest = recent.order_by("failed_at")[count - self.max_attempts].failed_at
                wait = max(1, math.ceil((oldest + self.window - now).total_seconds()))
                raise TooManyAttemptsError(wait=wait, detail=detail)
%%% end

    def record(self, keys: tuple[str, ...]) -> None:
%%% if orm=sqlalchemy
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
%%% end
%%% if orm=django
        now = timezone.now()
        LoginFailure.objects.bulk_create(LoginFailure(key=key, failed_at=now) for key in keys)
        # This kind's attempts older than its window count no more: drop them as we go.
        LoginFailure.objects.filter(
            key__startswith=self.prefix, failed_at__lte=now - self.window
        ).delete()
%%% end

    def forget(self, key: str) -> None:
        """Clear one key's attempts (a successful login clears its email's)."""
%%% if orm=sqlalchemy
        self.session.execute(delete(LoginFailure).where(LoginFailure.key == key))
%%% end
%%% if orm=django
        LoginFailure.objects.filter(key=key).delete()
%%% end

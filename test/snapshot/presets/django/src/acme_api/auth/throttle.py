"""Throttles: at most so many counted attempts per key within a window, then 429.

Each login or registration costs an Argon2 hash; without a limit, anyone can
guess passwords, create accounts by the thousand, or spend the server's memory
and CPU on hashing. Attempts are rows in the database, so N processes count as one:

- logins: LOGIN_MAX_ATTEMPTS failed logins per email and per client address
  within LOGIN_WINDOW_SECONDS;
- registrations: REGISTRATION_MAX_ATTEMPTS per client address within
  REGISTRATION_WINDOW_SECONDS.
"""

import math
from datetime import datetime, timedelta

from django.utils import timezone
from rest_framework import status
from rest_framework.exceptions import Throttled

from .emails import normalize_email
from .models import LoginFailure


class TooManyAttemptsError(Throttled):
    """Too many attempts: a 429 with Retry-After, in whole seconds."""

    status_code = status.HTTP_429_TOO_MANY_REQUESTS


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

    def __init__(self, kind: str, max_attempts: int, window_seconds: int) -> None:
        self.prefix = f"{kind}:"
        self.max_attempts = max_attempts
        self.window = timedelta(seconds=window_seconds)

    def check(self, keys: tuple[str, ...], detail: str, now: datetime | None = None) -> None:
        """Raise TooManyAttemptsError when any key has used up its attempts in the window."""
        now = now or timezone.now()
        for key in keys:
            recent = LoginFailure.objects.filter(key=key, failed_at__gt=now - self.window)
            count = recent.count()
            if count >= self.max_attempts:
                oldest = recent.order_by("failed_at")[count - self.max_attempts].failed_at
                wait = max(1, math.ceil((oldest + self.window - now).total_seconds()))
                raise TooManyAttemptsError(wait=wait, detail=detail)

    def record(self, keys: tuple[str, ...]) -> None:
        now = timezone.now()
        LoginFailure.objects.bulk_create(LoginFailure(key=key, failed_at=now) for key in keys)
        # This kind's attempts older than its window count no more: drop them as we go.
        LoginFailure.objects.filter(
            key__startswith=self.prefix, failed_at__lte=now - self.window
        ).delete()

    def forget(self, key: str) -> None:
        """Clear one key's attempts (a successful login clears its email's)."""
        LoginFailure.objects.filter(key=key).delete()

"""How long a session lives: SESSION_IDLE_SECONDS unused, SESSION_MAX_AGE_SECONDS in all.

Django expires a session that has not been saved for SESSION_COOKIE_AGE (the
idle time): the database row and the cookie both carry that expiry, and each
save pushes it on. Saving on every request (SESSION_SAVE_EVERY_REQUEST) would be
a database write per request; saving once a tenth of the idle time has passed
(a minute at most) keeps the idle expiry within that margin for one write a
minute. The absolute limit counts from the login, stamped in the session, so
a session kept busy still ends.
"""

import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth import SESSION_KEY, logout
from django.http import HttpRequest, HttpResponse

LOGGED_IN_AT = "logged_in_at"
SAVED_AT = "saved_at"
MAX_SAVE_INTERVAL_SECONDS = 60


def stamp_login(sender: object, request: HttpRequest | None, **kwargs: Any) -> None:
    """`user_logged_in`: when this session's user logged in (Unix seconds)."""
    if request is not None:
        now = int(time.time())
        request.session[LOGGED_IN_AT] = request.session[SAVED_AT] = now


def save_interval(idle_seconds: int) -> int:
    """How stale a session's expiry may get before a request saves it again."""
    return min(MAX_SAVE_INTERVAL_SECONDS, idle_seconds // 10)


class SessionLifetimeMiddleware:
    """Logs out a session past its absolute limit; keeps a used one from idling out."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session, env = request.session, settings.ENV
        if SESSION_KEY in session:
            now = int(time.time())
            started = session.get(LOGGED_IN_AT)
            # A session without its stamp was not started by a login of this app: it ends too.
            if not isinstance(started, int) or now - started >= env.session_max_age_seconds:
                # Deletes the row: the cookie names nothing afterwards.
                logout(request)
            elif now - session.get(SAVED_AT, 0) >= save_interval(env.session_idle_seconds):
                session[SAVED_AT] = now
        return self.get_response(request)

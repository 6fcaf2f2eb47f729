from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in


class SessionConfig(AppConfig):
    """Logging in with Django's sessions: the cookie, the CSRF token, idle and absolute expiry."""

    name = __name__.rpartition(".")[0]
    # `sessions` is django.contrib.sessions' label.
    label = "auth_session"
    verbose_name = "Sessions"

    def ready(self) -> None:
        # Registers the cookie scheme with drf-spectacular's OpenAPI document.
        from . import authentication  # noqa: F401
        from .lifetime import stamp_login

        # Every login, the API's and the admin site's, starts the absolute clock.
        user_logged_in.connect(stamp_login, dispatch_uid=f"{self.label}.stamp_login")

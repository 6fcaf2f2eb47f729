from django.apps import AppConfig


class JwtConfig(AppConfig):
    """Logging in with JWTs: bearer access tokens and rotating refresh tokens."""

    name = __name__.rpartition(".")[0]
    label = "auth_jwt"
    verbose_name = "JWT"

    def ready(self) -> None:
        # Registers the bearer scheme with drf-spectacular's OpenAPI document.
        from . import authentication  # noqa: F401

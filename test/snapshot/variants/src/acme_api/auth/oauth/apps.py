from django.apps import AppConfig


class OAuthConfig(AppConfig):
    """Social login: which provider accounts are which user."""

    name = __name__.rpartition(".")[0]
    label = "auth_oauth"
    verbose_name = "OAuth"

"""Which providers users may log in with, and where they are: all from the settings.

A provider is on when both its client id and secret are set; the others answer
404, as if they did not exist. Endpoints are settings too, so tests can point
the app at a fake provider.
"""

from dataclasses import dataclass
from typing import Literal

from ...core.settings import Settings

ProviderName = Literal["github", "google"]


@dataclass(frozen=True)
class Provider:
    name: ProviderName
    client_id: str
    client_secret: str
    scope: str


def configured_provider(settings: Settings, name: str) -> Provider | None:
    """The provider called `name` if this app has credentials for it, else None."""
    provider: ProviderName
    if name == "github":
        provider = "github"
        client_id = settings.oauth_github_client_id
        secret = settings.oauth_github_client_secret
        # user:email: the addresses and whether GitHub verified them (the profile's may be empty).
        scope = "read:user user:email"
    elif name == "google":
        provider = "google"
        client_id = settings.oauth_google_client_id
        secret = settings.oauth_google_client_secret
        scope = "openid email profile"
    else:
        return None
    if not client_id or secret is None or not secret.get_secret_value():
        return None
    return Provider(provider, client_id, secret.get_secret_value(), scope)


def public_base_url(settings: Settings) -> str:
    return (settings.public_base_url or f"http://{settings.host}:{settings.port}").rstrip("/")


def callback_url(settings: Settings, provider: Provider) -> str:
    """Where the provider sends the user back: the URL to register with it."""
    return f"{public_base_url(settings)}/api/v1/auth/oauth/{provider.name}/callback"

"""Social login as a browser goes through it, against the fake provider.

Every test layer drives the same steps through its own client (the app's test
client, or a served app over HTTP): the app's login URL, the provider's consent
page (the fake approves at once), and back to the app's callback.
"""

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx2

from tests.oauth_provider import FakeProvider

OAUTH = "/api/v1/auth/oauth"
# The app's address as the providers know it (PUBLIC_BASE_URL): callbacks come back here.
PUBLIC_BASE_URL = "http://testserver"


def provider_settings(provider: FakeProvider) -> dict[str, str]:
    """The environment that turns both providers on, pointed at the fake."""
    return {
        "PUBLIC_BASE_URL": PUBLIC_BASE_URL,
        **provider.github_settings(),
        **provider.google_settings(),
    }


def settings_fields(variables: dict[str, str]) -> dict[str, Any]:
    """Environment variables as `Settings(...)` keyword arguments (pydantic converts them)."""
    return {name.lower(): value for name, value in variables.items()}


@dataclass(frozen=True)
class Case:
    """One login at a provider: who the fake says the user is, and what the app answers."""

    name: str
    provider: str
    knobs: dict[str, str] = field(default_factory=dict)
    status: int = 200


# Every way a provider's answer can be trusted or not; each layer runs them all.
CASES = [
    Case("github", "github"),
    Case("github-without-profile", "github", {"fake_profile": "none"}),
    Case("google", "google"),
    Case("github-unverified-primary", "github", {"fake_verified": "false"}, 403),
    Case("github-no-email", "github", {"fake_email": ""}, 403),
    Case("google-unverified", "google", {"fake_verified": "false"}, 403),
    *(
        Case(f"google-id-token-{broken}", "google", {"fake_id_token": broken}, 400)
        for broken in ("expired", "wrong_audience", "wrong_issuer", "foreign_key", "wrong_nonce")
    ),
]


def login_url(client: httpx2.Client, provider: str) -> str:
    """Where the app's login sends the browser (asserting it does)."""
    response = client.get(f"{OAUTH}/{provider}/login", follow_redirects=False)
    assert response.status_code == 302, response.text
    return response.headers["location"]


def consent(url: str, **knobs: str) -> str:
    """The provider's consent page, approved: the app's callback path and query it sends back to."""
    separator = "&" if urlsplit(url).query else "?"
    response = httpx2.get(f"{url}{separator}{urlencode(knobs)}", trust_env=False, timeout=10)
    assert response.status_code == 302, response.text
    back = urlsplit(response.headers["location"])
    assert back.path.startswith(OAUTH), back
    assert back.path.endswith("/callback"), back
    return f"{back.path}?{back.query}"


def callback_query(callback: str) -> dict[str, str]:
    return {name: values[0] for name, values in parse_qs(urlsplit(callback).query).items()}


def log_in(client: httpx2.Client, provider: str, **knobs: str) -> httpx2.Response:
    """The whole round trip; the callback's answer (a token pair when it worked)."""
    return client.get(consent(login_url(client, provider), **knobs))


def bearer(response: httpx2.Response) -> dict[str, str]:
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}

"""Who the tests are: users who log in for a bearer token, as any client would."""

import httpx2
import pytest

from tests.users import PASSWORD, new_email, register

# Users' passwords hash cheaply in this process (a plugin of the users layer).
pytest_plugins = ["tests.passwords"]

# What a served app needs to serve the e2e tests: each registers users of its
# own, all from one address, more than production lets one address register.
SERVER_SETTINGS = {"REGISTRATION_MAX_ATTEMPTS": "1000"}


def login(client: httpx2.Client, email: str, password: str = PASSWORD) -> dict[str, str]:
    """The token pair of a login; asserts it worked."""
    response = client.post("/api/v1/auth/login", json={"email": email, "password": password})
    assert response.status_code == 200, response.text
    tokens: dict[str, str] = response.json()
    return tokens


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def login_headers(client: httpx2.Client, email: str, password: str = PASSWORD) -> dict[str, str]:
    """What a request sends to act as this (registered) user."""
    return bearer(login(client, email, password)["access_token"])


def new_user_headers(client: httpx2.Client) -> dict[str, str]:
    """Headers of a freshly registered, logged-in user."""
    email = new_email()
    register(client, email)
    return login_headers(client, email)


@pytest.fixture
def headers(client: httpx2.Client) -> dict[str, str]:
    """The bearer header of a user of its own; `client` is the test layer's own."""
    return new_user_headers(client)

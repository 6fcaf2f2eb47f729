"""The auth endpoints on the test database."""

from collections.abc import Callable

import httpx2
import pytest
from django.conf import LazySettings

from acme_api.auth.models import User

from tests.identity import bearer, login
from tests.users import PASSWORD, new_email, register

AUTH = "/api/v1/auth"


@pytest.fixture
def configure(settings: LazySettings) -> Callable[..., None]:
    """Change environment settings (`configure(login_max_attempts=3)`) for this test only."""

    def change(**changes: object) -> None:
        settings.ENV = settings.ENV.model_copy(update=changes)

    return change


def test_emails_are_unique_whatever_their_case(client: httpx2.Client) -> None:
    email = new_email()
    register(client, email)
    again = client.post(f"{AUTH}/register", json={"email": email.upper(), "password": PASSWORD})
    assert again.status_code == 409
    assert again.headers["content-type"] == "application/problem+json"


def test_a_look_alike_email_is_the_same_account(client: httpx2.Client) -> None:
    email = new_email()
    register(client, email)
    # Full-width letters read the same; NFKC folds them into the plain ones.
    look_alike = email.upper().translate({c: c + 0xFEE0 for c in range(0x41, 0x5B)})
    again = client.post(f"{AUTH}/register", json={"email": look_alike, "password": PASSWORD})
    assert again.status_code == 409
    assert login(client, look_alike)["access_token"]


def test_tokens_of_a_deleted_user_are_401_and_its_id_is_not_reused(
    client: httpx2.Client,
) -> None:
    email = new_email()
    gone_id = register(client, email)["id"]
    tokens = login(client, email)
    assert isinstance(gone_id, int)
    # As an operator would delete it, from the shell.
    User.objects.filter(pk=gone_id).delete()
    assert client.get(f"{AUTH}/me", headers=bearer(tokens["access_token"])).status_code == 401
    body = {"refresh_token": tokens["refresh_token"]}
    assert client.post(f"{AUTH}/refresh", json=body).status_code == 401
    next_id = register(client, new_email())["id"]
    assert isinstance(gone_id, int)
    assert isinstance(next_id, int)
    assert next_id > gone_id


def test_registrations_are_throttled_per_client_with_retry_after(
    client: httpx2.Client, configure: Callable[..., None]
) -> None:
    configure(registration_max_attempts=2)
    register(client, new_email())
    invalid = client.post(f"{AUTH}/register", json={"email": new_email(), "password": "short"})
    assert invalid.status_code == 422  # refused before any hashing: not counted
    register(client, new_email())
    body = {"email": new_email(), "password": PASSWORD}
    throttled = client.post(f"{AUTH}/register", json=body)
    assert throttled.status_code == 429
    assert throttled.headers["content-type"] == "application/problem+json"
    assert 1 <= int(throttled.headers["retry-after"]) <= 3600


def test_token_rotation_is_stored(client: httpx2.Client) -> None:
    email = new_email()
    register(client, email)
    tokens = login(client, email)
    rotated = client.post(f"{AUTH}/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert rotated.status_code == 200
    new = rotated.json()
    assert client.get(f"{AUTH}/me", headers=bearer(new["access_token"])).status_code == 200
    again = client.post(f"{AUTH}/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert again.status_code == 401
    assert again.headers["www-authenticate"] == "Bearer"


def test_failed_logins_are_throttled_per_email_and_client_with_retry_after(
    client: httpx2.Client, configure: Callable[..., None]
) -> None:
    configure(login_max_attempts=3)
    email, other = new_email(), new_email()
    register(client, email)
    register(client, other)
    wrong = {"email": email, "password": "not the password"}
    assert [client.post(f"{AUTH}/login", json=wrong).status_code for _ in range(3)] == [401] * 3
    # Even the right password waits now, and so does another email from the same client.
    for body in (
        {"email": email, "password": PASSWORD},
        {"email": other, "password": PASSWORD},
    ):
        throttled = client.post(f"{AUTH}/login", json=body)
        assert throttled.status_code == 429
        assert throttled.headers["content-type"] == "application/problem+json"
        assert 1 <= int(throttled.headers["retry-after"]) <= 300


def test_a_successful_login_clears_its_emails_failures(
    client: httpx2.Client, configure: Callable[..., None]
) -> None:
    configure(login_max_attempts=3)
    email = new_email()
    register(client, email)
    wrong = {"email": email, "password": "not the password"}
    assert client.post(f"{AUTH}/login", json=wrong).status_code == 401
    login(client, email)
    assert client.post(f"{AUTH}/login", json=wrong).status_code == 401

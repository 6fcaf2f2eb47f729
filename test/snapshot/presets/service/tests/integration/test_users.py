"""Users on the migrated test database, whatever the auth method: unique emails and the login
and registration throttles. Whose rows a user reaches is tested with each resource."""

import httpx2

from acme_api.core.settings import Settings

from tests.app_client import app_client
from tests.identity import login
from tests.users import PASSWORD, new_email, register

AUTH = "/api/v1/auth"


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
    login(client, look_alike)  # asserts that it worked


def test_registrations_are_throttled_per_client_with_retry_after(database_url: str) -> None:
    settings = Settings(database_url=database_url, registration_max_attempts=2)
    with app_client(settings) as client:
        register(client, new_email())
        invalid = client.post(f"{AUTH}/register", json={"email": new_email(), "password": "short"})
        assert invalid.status_code == 422  # refused before any hashing: not counted
        register(client, new_email())
        body = {"email": new_email(), "password": PASSWORD}
        throttled = client.post(f"{AUTH}/register", json=body)
        assert throttled.status_code == 429
        assert throttled.headers["content-type"] == "application/problem+json"
        assert 1 <= int(throttled.headers["retry-after"]) <= 3600


def test_failed_logins_are_throttled_per_email_and_client_with_retry_after(
    database_url: str,
) -> None:
    with app_client(Settings(database_url=database_url, login_max_attempts=3)) as client:
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


def test_a_successful_login_clears_its_emails_failures(database_url: str) -> None:
    with app_client(Settings(database_url=database_url, login_max_attempts=3)) as client:
        email = new_email()
        register(client, email)
        wrong = {"email": email, "password": "not the password"}
        assert client.post(f"{AUTH}/login", json=wrong).status_code == 401
        login(client, email)
        assert client.post(f"{AUTH}/login", json=wrong).status_code == 401

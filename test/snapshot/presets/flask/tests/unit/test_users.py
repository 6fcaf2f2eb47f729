"""Users' routes over Flask's test client, on an in-memory database."""

from collections.abc import Iterator

import httpx2
import pytest

from acme_api.core.db import IN_MEMORY
from acme_api.core.settings import Settings

from tests.app_client import app_client
from tests.identity import login_headers
from tests.users import PASSWORD, new_email, register

REGISTER = "/api/v1/auth/register"
PROBLEM = "application/problem+json"


@pytest.fixture
def client() -> Iterator[httpx2.Client]:
    with app_client(Settings(database_url=IN_MEMORY)) as client:
        yield client


def test_registration_keeps_a_lower_case_email_and_me_is_that_user(client: httpx2.Client) -> None:
    email = new_email()
    user = register(client, email.upper())
    assert (user["email"], user["role"]) == (email, "user")
    assert "password" not in str(user)
    me = client.get("/api/v1/auth/me", headers=login_headers(client, email))
    assert me.json() == user


def test_an_email_is_taken_once(client: httpx2.Client) -> None:
    email = new_email()
    register(client, email)
    taken = client.post(REGISTER, json={"email": email.upper(), "password": PASSWORD})
    assert (taken.status_code, taken.headers["content-type"]) == (409, PROBLEM)
    assert taken.json()["detail"] == "That email is taken."


def test_registrations_are_throttled_per_client_with_retry_after() -> None:
    with app_client(Settings(database_url=IN_MEMORY, registration_max_attempts=1)) as client:
        register(client, new_email())
        throttled = client.post(REGISTER, json={"email": new_email(), "password": PASSWORD})
    assert (throttled.status_code, throttled.headers["content-type"]) == (429, PROBLEM)
    assert 1 <= int(throttled.headers["Retry-After"]) <= 3600

"""The auth endpoints on an in-memory database: the whole token life cycle."""

from collections.abc import Iterator

import httpx2
import pytest

from acme_api.core.db import IN_MEMORY
from acme_api.core.settings import Settings

from tests.app_client import app_client
from tests.identity import bearer, login, new_user_headers
from tests.users import PASSWORD, new_email, register

AUTH = "/api/v1/auth"


@pytest.fixture
def client() -> Iterator[httpx2.Client]:
    with app_client(Settings(database_url=IN_MEMORY)) as client:
        yield client


def test_register_login_me(client: httpx2.Client) -> None:
    email = new_email()
    user = register(client, email.upper())
    assert set(user) == {"id", "email", "role", "created_at"}
    assert (user["email"], user["role"]) == (email, "user")
    tokens = login(client, email)
    assert tokens["token_type"] == "bearer"
    me = client.get(f"{AUTH}/me", headers=bearer(tokens["access_token"]))
    assert me.json() == user


def test_refresh_rotates_and_a_reused_token_revokes_the_family(client: httpx2.Client) -> None:
    email = new_email()
    register(client, email)
    first = login(client, email)["refresh_token"]
    second = client.post(f"{AUTH}/refresh", json={"refresh_token": first}).json()
    assert client.post(f"{AUTH}/refresh", json={"refresh_token": first}).status_code == 401
    # The reuse revoked what was rotated from it, too.
    reuse = client.post(f"{AUTH}/refresh", json={"refresh_token": second["refresh_token"]})
    assert reuse.status_code == 401


def test_logout_ends_the_refresh_token(client: httpx2.Client) -> None:
    email = new_email()
    register(client, email)
    tokens = login(client, email)
    headers = bearer(tokens["access_token"])
    body = {"refresh_token": tokens["refresh_token"]}
    assert client.post(f"{AUTH}/logout", json=body, headers=headers).status_code == 204
    assert client.post(f"{AUTH}/refresh", json=body).status_code == 401
    # Logging out again is harmless; someone else's token is not yours to end.
    assert client.post(f"{AUTH}/logout", json=body, headers=headers).status_code == 204
    other = new_user_headers(client)
    assert client.post(f"{AUTH}/logout", json=body, headers=other).status_code == 401


def test_failures(client: httpx2.Client) -> None:
    email = new_email()
    register(client, email)
    taken = client.post(f"{AUTH}/register", json={"email": email, "password": PASSWORD})
    assert taken.status_code == 409
    short = client.post(f"{AUTH}/register", json={"email": new_email(), "password": "short"})
    assert short.json()["errors"][0]["field"] == "password"
    wrong = client.post(f"{AUTH}/login", json={"email": email, "password": "wrong password"})
    unknown = client.post(f"{AUTH}/login", json={"email": new_email(), "password": PASSWORD})
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json()["detail"] == unknown.json()["detail"]
    anonymous = client.get(f"{AUTH}/me")
    assert (anonymous.status_code, anonymous.headers["www-authenticate"]) == (401, "Bearer")
    assert client.get(f"{AUTH}/me", headers=bearer("junk")).status_code == 401
    refresh = login(client, email)["refresh_token"]
    assert client.get(f"{AUTH}/me", headers=bearer(refresh)).status_code == 401

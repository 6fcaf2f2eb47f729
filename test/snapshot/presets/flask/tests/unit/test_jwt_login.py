"""JWT login over Flask's test client: token pairs, rotation, logout and the bearer check."""

from collections.abc import Iterator

import httpx2
import pytest

from acme_api.core.db import IN_MEMORY
from acme_api.core.settings import Settings

from tests.app_client import app_client
from tests.identity import bearer, login
from tests.users import PASSWORD, new_email, register

AUTH = "/api/v1/auth"
SETTINGS = Settings(database_url=IN_MEMORY, login_max_attempts=2)


@pytest.fixture
def client() -> Iterator[httpx2.Client]:
    with app_client(SETTINGS) as client:
        yield client


def new_login(client: httpx2.Client) -> dict[str, str]:
    email = new_email()
    register(client, email)
    return login(client, email)


def test_login_answers_a_pair_whose_access_token_is_the_user(client: httpx2.Client) -> None:
    email = new_email()
    register(client, email)
    pair = login(client, email)
    assert pair["token_type"] == "bearer"
    assert int(pair["expires_in"]) == SETTINGS.access_token_ttl_seconds
    me = client.get(f"{AUTH}/me", headers=bearer(pair["access_token"]))
    assert me.json()["email"] == email


def test_login_refuses_wrong_credentials_alike_then_throttles(client: httpx2.Client) -> None:
    email = new_email()
    register(client, email)
    answers = [
        client.post(f"{AUTH}/login", json={"email": address, "password": password})
        for address, password in (
            (email, "wrong password"),
            (new_email(), PASSWORD),
            (email, PASSWORD),
        )
    ]
    assert [answer.status_code for answer in answers] == [401, 401, 429]
    assert answers[0].json()["detail"] == answers[1].json()["detail"]
    assert answers[0].headers["WWW-Authenticate"] == "Bearer"
    assert int(answers[2].headers["Retry-After"]) >= 1


def test_refresh_rotates_and_a_reused_token_revokes_the_family(client: httpx2.Client) -> None:
    first = new_login(client)["refresh_token"]
    rotated = client.post(f"{AUTH}/refresh", json={"refresh_token": first})
    assert rotated.status_code == 200
    reused = client.post(f"{AUTH}/refresh", json={"refresh_token": first})
    assert (reused.status_code, reused.headers["WWW-Authenticate"]) == (401, "Bearer")
    # The reuse revoked what was rotated from it, too.
    second = rotated.json()["refresh_token"]
    assert client.post(f"{AUTH}/refresh", json={"refresh_token": second}).status_code == 401


def test_logout_ends_the_refresh_token_of_its_own_user_only(client: httpx2.Client) -> None:
    pair, other = new_login(client), new_login(client)
    body = {"refresh_token": pair["refresh_token"]}
    headers = bearer(pair["access_token"])
    assert client.post(f"{AUTH}/logout", json=body, headers=headers).status_code == 204
    assert client.post(f"{AUTH}/refresh", json=body).status_code == 401
    # Logging out again is harmless; someone else's token is not yours to end.
    assert client.post(f"{AUTH}/logout", json=body, headers=headers).status_code == 204
    foreign = client.post(f"{AUTH}/logout", json=body, headers=bearer(other["access_token"]))
    assert foreign.status_code == 401


@pytest.mark.parametrize(
    ("authorization", "detail"),
    [
        (None, "Authentication required"),
        ("Basic dXNlcjpwYXNz", "Authentication required"),
        ("Bearer junk", "invalid or has expired"),
        ("refresh", "invalid or has expired"),
    ],
)
def test_the_bearer_check_wants_a_valid_access_token(
    client: httpx2.Client, authorization: str | None, detail: str
) -> None:
    if authorization == "refresh":
        authorization = f"Bearer {new_login(client)['refresh_token']}"
    headers = {} if authorization is None else {"Authorization": authorization}
    refused = client.get(f"{AUTH}/me", headers=headers)
    assert (refused.status_code, refused.headers["WWW-Authenticate"]) == (401, "Bearer")
    assert refused.headers["content-type"] == "application/problem+json"
    assert detail in refused.json()["detail"]

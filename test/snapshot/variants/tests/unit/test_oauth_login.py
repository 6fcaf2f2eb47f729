"""Social login through the app's test client, against a fake GitHub and Google over HTTP."""

from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import httpx2
import pytest

from acme_api.core.db import IN_MEMORY
from acme_api.core.settings import Settings

from tests.app_client import app_client
from tests.oauth_login import (
    CASES,
    OAUTH,
    PUBLIC_BASE_URL,
    Case,
    bearer,
    callback_query,
    consent,
    log_in,
    login_url,
    provider_settings,
    settings_fields,
)
from tests.oauth_provider import FakeProvider
from tests.users import PASSWORD, new_email, register

ME = "/api/v1/auth/me"


@pytest.fixture(scope="module")
def provider() -> Iterator[FakeProvider]:
    with FakeProvider() as provider:
        yield provider


@pytest.fixture
def client(provider: FakeProvider) -> Iterator[httpx2.Client]:
    settings = Settings(database_url=IN_MEMORY, **settings_fields(provider_settings(provider)))
    with app_client(settings) as client:
        yield client


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_a_login_is_trusted_only_as_far_as_the_provider_vouches(
    client: httpx2.Client, case: Case
) -> None:
    email = new_email()
    response = log_in(client, case.provider, **{"fake_email": email, **case.knobs})
    assert response.status_code == case.status, response.text
    if case.status == 200:
        assert response.json()["token_type"] == "bearer"
        me = client.get(ME, headers=bearer(response)).json()
        assert (me["email"], me["role"]) == (email, "user")
    else:
        assert response.headers["content-type"] == "application/problem+json"


def test_github_login_asks_for_the_email_scope_with_a_state(client: httpx2.Client) -> None:
    query = parse_qs(urlsplit(login_url(client, "github")).query)
    assert query["redirect_uri"] == [f"{PUBLIC_BASE_URL}{OAUTH}/github/callback"]
    assert query["client_id"] == ["test-client-id"]
    assert "user:email" in query["scope"][0]
    assert query["state"][0]


def test_google_login_uses_pkce_and_a_nonce(client: httpx2.Client) -> None:
    query = parse_qs(urlsplit(login_url(client, "google")).query)
    assert query["code_challenge_method"] == ["S256"]
    assert len(query["code_challenge"][0]) == 43
    assert query["nonce"][0]
    assert "openid" in query["scope"][0].split()


def test_the_same_account_logs_in_as_the_same_user(client: httpx2.Client) -> None:
    email = new_email()
    first = client.get(ME, headers=bearer(log_in(client, "github", fake_email=email)))
    again = client.get(ME, headers=bearer(log_in(client, "github", fake_email=email)))
    assert first.json() == again.json()


def test_a_verified_email_links_the_existing_account(client: httpx2.Client) -> None:
    email = new_email()
    user = register(client, email)
    me = client.get(ME, headers=bearer(log_in(client, "google", fake_email=email)))
    assert me.json()["id"] == user["id"]
    # The password still works beside the provider.
    login = client.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
    assert login.status_code == 200


def test_an_unverified_email_never_links_the_existing_account(client: httpx2.Client) -> None:
    email = new_email()
    register(client, email)
    for provider in ("github", "google"):
        answer = log_in(client, provider, fake_email=email, fake_verified="false")
        assert answer.status_code == 403
        assert "access_token" not in answer.text


def test_a_user_made_by_a_provider_has_no_password(client: httpx2.Client) -> None:
    email = new_email()
    assert log_in(client, "github", fake_email=email).status_code == 200
    for password in ("", "!", PASSWORD):
        login = client.post("/api/v1/auth/login", json={"email": email, "password": password})
        assert login.status_code in {401, 422}


def test_the_tokens_rotate_as_any_others(client: httpx2.Client) -> None:
    pair = log_in(client, "github").json()
    body = {"refresh_token": pair["refresh_token"]}
    assert client.post("/api/v1/auth/refresh", json=body).status_code == 200
    assert client.post("/api/v1/auth/refresh", json=body).status_code == 401


def test_a_replayed_callback_is_refused(client: httpx2.Client) -> None:
    callback = consent(login_url(client, "github"))
    assert client.get(callback).status_code == 200
    replay = client.get(callback)
    assert replay.status_code == 400
    assert "access_token" not in replay.text


def test_a_missing_or_wrong_state_is_refused(client: httpx2.Client) -> None:
    callback = consent(login_url(client, "github"))
    query = callback_query(callback)
    code, state = query["code"], query["state"]
    callback_url = f"{OAUTH}/github/callback"
    answers = {
        "no state": client.get(callback_url, params={"code": code}),
        "no code": client.get(callback_url, params={"state": state}),
        "tampered": client.get(callback_url, params={"code": code, "state": state[:-2] + "xx"}),
        "another provider's": client.get(
            f"{OAUTH}/google/callback", params={"code": code, "state": state}
        ),
    }
    statuses = {name: answer.status_code for name, answer in answers.items()}
    assert statuses == {"no state": 400, "no code": 400, "tampered": 403, "another provider's": 403}


def test_an_unknown_or_unconfigured_provider_is_not_found(provider: FakeProvider) -> None:
    only_github = {
        "public_base_url": PUBLIC_BASE_URL,
        **settings_fields(provider.github_settings()),
    }
    with app_client(Settings(database_url=IN_MEMORY, **only_github)) as client:
        for path in ("google/login", "google/callback", "gitlab/login", "gitlab/callback"):
            assert client.get(f"{OAUTH}/{path}?code=c&state=s").status_code == 404
        login = client.get(f"{OAUTH}/github/login", follow_redirects=False)
        assert login.status_code == 302


def test_an_unreachable_provider_is_a_bad_gateway(provider: FakeProvider) -> None:
    settings = provider_settings(provider)
    closed = "http://127.0.0.1:9"  # the discard port: nothing listens on loopback
    settings["OAUTH_GITHUB_TOKEN_URL"] = f"{closed}/token"
    settings["OAUTH_GOOGLE_METADATA_URL"] = f"{closed}/.well-known/openid-configuration"
    with app_client(Settings(database_url=IN_MEMORY, **settings_fields(settings))) as client:
        assert client.get(f"{OAUTH}/google/login").status_code == 502
        assert log_in(client, "github").status_code == 502

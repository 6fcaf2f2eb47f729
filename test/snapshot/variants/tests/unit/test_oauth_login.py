%%% if orm=sqlalchemy
"""Social login through the app's test client, against a fake GitHub and Google over HTTP."""
%%% end
%%% if orm=django
"""Social login with no database, against a fake GitHub and Google over HTTP.
%%% end

%%% if orm=django
The flow runs for real: the app's login URL, the fake provider's consent, the
code exchange and every check of what the provider says. Where the callback
would reach the database (the user, the stored refresh token), the services are
replaced, so what is tested here is the flow and the views' answers; the
integration tests store them.
"""

%%% end
from collections.abc import Iterator
%%% if orm=django
from datetime import datetime
%%% end
from urllib.parse import parse_qs, urlsplit

import httpx2
import pytest
%%% if orm=django
from django.conf import LazySettings
%%% end

%%% if orm=sqlalchemy
from acme_api.core.db import IN_MEMORY
%%% end
%%% if orm=django
from acme_api.auth.jwt.service import TokenPair, TokenService
from acme_api.auth.models import User
from acme_api.auth.oauth.flow import ProviderIdentity
from acme_api.auth.oauth.models import OAuthIdentity
from acme_api.auth.oauth.service import OAuthLoginService
%%% end
from acme_api.core.settings import Settings

from tests.app_client import app_client
from tests.oauth_login import (
    CASES,
    OAUTH,
    PUBLIC_BASE_URL,
    Case,
%%% if orm=sqlalchemy
    bearer,
%%% end
    callback_query,
    consent,
    log_in,
    login_url,
    provider_settings,
    settings_fields,
)
from tests.oauth_provider import FakeProvider
%%% if orm=sqlalchemy
from tests.users import PASSWORD, new_email, register
%%% end

%%% if orm=sqlalchemy
ME = "/api/v1/auth/me"
%%% end
%%% if orm=django
PROBLEM = "application/problem+json"
%%% end


%%% if orm=django
def configure(settings: LazySettings, variables: dict[str, str]) -> None:
    """The app's settings with these environment variables, validated as at start-up."""
    fields = {**settings.ENV.model_dump(), **settings_fields(variables)}
    settings.ENV = Settings.model_validate(fields)


%%% end
@pytest.fixture(scope="module")
def provider() -> Iterator[FakeProvider]:
    with FakeProvider() as provider:
        yield provider


@pytest.fixture
%%% if orm=sqlalchemy
def client(provider: FakeProvider) -> Iterator[httpx2.Client]:
    settings = Settings(database_url=IN_MEMORY, **settings_fields(provider_settings(provider)))
    with app_client(settings) as client:
%%% end
%%% if orm=django
def identities(monkeypatch: pytest.MonkeyPatch) -> list[ProviderIdentity]:
    """The identities the callback trusted; each is an unsaved user with a made-up pair.

    Spent states are kept in memory, as the database would keep them.
    """
    trusted: list[ProviderIdentity] = []

    def user_for(_: OAuthLoginService, identity: ProviderIdentity) -> User:
        trusted.append(identity)
        return User(id=len(trusted), email=identity.email)

    def login(_: TokenService, user: User) -> TokenPair:
        return TokenPair(access_token=f"access-{user.pk}", refresh_token="r", expires_in=900)

    spent: set[str] = set()

    def spend(_: OAuthLoginService, state_id: str, _expires_at: datetime) -> bool:
        if state_id in spent:
            return False
        spent.add(state_id)
        return True

    monkeypatch.setattr(OAuthLoginService, "spend", spend)
    monkeypatch.setattr(OAuthLoginService, "user_for", user_for)
    monkeypatch.setattr(TokenService, "login", login)
    return trusted


@pytest.fixture
def client(
    provider: FakeProvider, settings: LazySettings, identities: list[ProviderIdentity]
) -> Iterator[httpx2.Client]:
    configure(settings, provider_settings(provider))
    with app_client() as client:
%%% end
        yield client


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_a_login_is_trusted_only_as_far_as_the_provider_vouches(
%%% if orm=sqlalchemy
    client: httpx2.Client, case: Case
%%% end
%%% if orm=django
    client: httpx2.Client, identities: list[ProviderIdentity], case: Case
%%% end
) -> None:
%%% if orm=sqlalchemy
    email = new_email()
%%% end
%%% if orm=django
    email = f"{case.name}@example.com"
%%% end
    response = log_in(client, case.provider, **{"fake_email": email, **case.knobs})
    assert response.status_code == case.status, response.text
    if case.status == 200:
%%% if orm=sqlalchemy
        assert response.json()["token_type"] == "bearer"
        me = client.get(ME, headers=bearer(response)).json()
        assert (me["email"], me["role"]) == (email, "user")
%%% end
%%% if orm=django
        assert response.json() == {
            "access_token": "access-1",
            "refresh_token": "r",
            "expires_in": 900,
            "token_type": "bearer",
        }
        assert [(i.provider, i.email) for i in identities] == [(case.provider, email)]
%%% end
    else:
%%% if orm=sqlalchemy
        assert response.headers["content-type"] == "application/problem+json"
%%% end
%%% if orm=django
        assert response.headers["content-type"] == PROBLEM
        assert response.json()["detail"]
        assert identities == []
%%% end


%%% if orm=django
def test_a_provider_account_is_its_subject_there(
    client: httpx2.Client, identities: list[ProviderIdentity]
) -> None:
    for provider in ("github", "google"):
        assert log_in(client, provider, fake_subject="4242").status_code == 200
    assert [i.subject for i in identities] == ["4242", "4242"]
    assert [i.provider for i in identities] == ["github", "google"]


%%% end
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


%%% if orm=sqlalchemy
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


%%% end
def test_a_replayed_callback_is_refused(client: httpx2.Client) -> None:
    callback = consent(login_url(client, "github"))
    assert client.get(callback).status_code == 200
    replay = client.get(callback)
    assert replay.status_code == 403  # the state was spent by the first
    assert "access_token" not in replay.text


def test_a_used_code_is_refused_by_the_provider_even_with_a_fresh_state(
    client: httpx2.Client,
) -> None:
    used = callback_query(consent(login_url(client, "github")))
    assert client.get(f"{OAUTH}/github/callback", params=used).status_code == 200
    fresh = callback_query(consent(login_url(client, "github")))
    again = {"code": used["code"], "state": fresh["state"]}
    assert client.get(f"{OAUTH}/github/callback", params=again).status_code == 400


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


%%% if orm=sqlalchemy
def test_an_unknown_or_unconfigured_provider_is_not_found(provider: FakeProvider) -> None:
    only_github = {
        "public_base_url": PUBLIC_BASE_URL,
        **settings_fields(provider.github_settings()),
    }
    with app_client(Settings(database_url=IN_MEMORY, **only_github)) as client:
%%% end
%%% if orm=django
def test_overlong_parameters_are_refused_before_any_provider_is_asked(
    client: httpx2.Client, identities: list[ProviderIdentity]
) -> None:
    long = "x" * 2049
    answers = [
        client.get(f"{OAUTH}/github/callback", params={"code": long, "state": "s"}),
        client.get(f"{OAUTH}/github/callback", params={"code": "c", "state": long}),
        client.get(f"{OAUTH}/{'x' * 41}/login"),
        client.get(f"{OAUTH}/{'x' * 41}/callback"),
    ]
    fields = [[e["field"] for e in answer.json()["errors"]] for answer in answers]
    assert [answer.status_code for answer in answers] == [422] * 4
    assert fields == [["code"], ["state"], ["provider"], ["provider"]]
    assert identities == []


def test_an_unknown_or_unconfigured_provider_is_not_found(
    provider: FakeProvider, settings: LazySettings
) -> None:
    configure(settings, {"PUBLIC_BASE_URL": PUBLIC_BASE_URL, **provider.github_settings()})
    with app_client() as client:
%%% end
        for path in ("google/login", "google/callback", "gitlab/login", "gitlab/callback"):
%%% if orm=sqlalchemy
            assert client.get(f"{OAUTH}/{path}?code=c&state=s").status_code == 404
%%% end
%%% if orm=django
            answer = client.get(f"{OAUTH}/{path}?code=c&state=s")
            assert answer.status_code == 404
            assert answer.headers["content-type"] == PROBLEM
%%% end
        login = client.get(f"{OAUTH}/github/login", follow_redirects=False)
        assert login.status_code == 302


%%% if orm=sqlalchemy
def test_an_unreachable_provider_is_a_bad_gateway(provider: FakeProvider) -> None:
    settings = provider_settings(provider)
%%% end
%%% if orm=django
@pytest.mark.usefixtures("identities")
def test_an_unreachable_provider_is_a_bad_gateway(
    provider: FakeProvider, settings: LazySettings
) -> None:
    variables = provider_settings(provider)
%%% end
    closed = "http://127.0.0.1:9"  # the discard port: nothing listens on loopback
%%% if orm=sqlalchemy
    settings["OAUTH_GITHUB_TOKEN_URL"] = f"{closed}/token"
    settings["OAUTH_GOOGLE_METADATA_URL"] = f"{closed}/.well-known/openid-configuration"
    with app_client(Settings(database_url=IN_MEMORY, **settings_fields(settings))) as client:
%%% end
%%% if orm=django
    variables["OAUTH_GITHUB_TOKEN_URL"] = f"{closed}/token"
    variables["OAUTH_GOOGLE_METADATA_URL"] = f"{closed}/.well-known/openid-configuration"
    configure(settings, variables)
    with app_client() as client:
%%% end
        assert client.get(f"{OAUTH}/google/login").status_code == 502
        assert log_in(client, "github").status_code == 502

%%% if orm=django

def test_the_document_tells_what_each_step_answers(client: httpx2.Client) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    login = paths[OAUTH + "/{provider}/login"]["get"]
    callback = paths[OAUTH + "/{provider}/callback"]["get"]
    assert set(login["responses"]) == {"302", "404", "422", "502"}
    assert set(callback["responses"]) == {"200", "400", "403", "404", "422", "502"}
    assert "security" not in login
    assert "security" not in callback
    query = {p["name"]: p["schema"] for p in callback["parameters"] if p["in"] == "query"}
    assert query == {name: {"type": "string", "maxLength": 2048} for name in ("code", "state")}


def test_a_stored_identity_reads_as_provider_and_subject() -> None:
    assert str(OAuthIdentity(provider="github", subject="42")) == "github:42"

%%% end
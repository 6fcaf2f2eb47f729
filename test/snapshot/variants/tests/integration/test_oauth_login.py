%%% if orm=sqlalchemy
"""Social login against the migrated database: identities stored, linked and found again."""
%%% end
%%% if orm=django
"""Social login on the test database: users found, linked or made, and their tokens stored."""
%%% end

from collections.abc import Iterator

import httpx2
import pytest
%%% if orm=sqlalchemy
from sqlalchemy import func, select
%%% end
%%% if orm=django
from django.conf import LazySettings
from django.db import IntegrityError
%%% end

%%% if orm=django
from acme_api.auth.models import User
%%% end
from acme_api.auth.oauth.flow import ProviderIdentity
from acme_api.auth.oauth.models import OAuthIdentity
from acme_api.auth.oauth.service import OAuthLoginService
from acme_api.core.settings import Settings

%%% if orm=sqlalchemy
from tests.app_client import app_client, database_of
from tests.oauth_login import (
    CASES,
    Case,
    bearer,
    consent,
    log_in,
    login_url,
    provider_settings,
    settings_fields,
)
%%% end
%%% if orm=django
from tests.oauth_login import CASES, Case, bearer, log_in, provider_settings, settings_fields
%%% end
from tests.oauth_provider import FakeProvider
%%% if orm=sqlalchemy
from tests.users import new_email, register
%%% end
%%% if orm=django
from tests.users import PASSWORD, new_email, register
%%% end

ME = "/api/v1/auth/me"


@pytest.fixture(scope="module")
def provider() -> Iterator[FakeProvider]:
    with FakeProvider() as provider:
        yield provider


%%% if orm=sqlalchemy
@pytest.fixture
def client(database_url: str, provider: FakeProvider) -> Iterator[httpx2.Client]:
    fields = settings_fields(provider_settings(provider))
    with app_client(Settings(database_url=database_url, **fields)) as client:
        yield client
%%% end
%%% if orm=django
@pytest.fixture(autouse=True)
def providers_on(provider: FakeProvider, settings: LazySettings) -> None:
    fields = {**settings.ENV.model_dump(), **settings_fields(provider_settings(provider))}
    settings.ENV = Settings.model_validate(fields)
%%% end


%%% if orm=sqlalchemy
def identities(client: httpx2.Client) -> int:
    with database_of(client).sessions() as session:
        return session.scalar(select(func.count()).select_from(OAuthIdentity)) or 0


%%% end
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_a_login_is_trusted_only_as_far_as_the_provider_vouches(
    client: httpx2.Client, case: Case
) -> None:
    email = new_email()
    response = log_in(client, case.provider, **{"fake_email": email, **case.knobs})
    assert response.status_code == case.status, response.text
%%% if orm=sqlalchemy
    assert identities(client) == (1 if case.status == 200 else 0)
%%% end
%%% if orm=django
    if case.status == 200:
        me = client.get(ME, headers=bearer(response)).json()
        assert (me["email"], me["role"]) == (email, "user")
    else:
        assert not User.objects.filter(email=email).exists()
%%% end


%%% if orm=sqlalchemy
def test_a_verified_email_links_the_existing_account_once(client: httpx2.Client) -> None:
%%% end
%%% if orm=django
def test_the_same_account_logs_in_as_the_same_user(client: httpx2.Client) -> None:
%%% end
    email = new_email()
%%% if orm=django
    first = client.get(ME, headers=bearer(log_in(client, "github", fake_email=email)))
    again = client.get(ME, headers=bearer(log_in(client, "github", fake_email=email)))
    assert first.json() == again.json()
    assert OAuthIdentity.objects.filter(user_id=first.json()["id"]).count() == 1


def test_the_account_is_its_subject_not_its_email(client: httpx2.Client) -> None:
    first = log_in(client, "google", fake_subject="77", fake_email=new_email())
    # The address changed at the provider: still the same account, so the same user.
    moved = log_in(client, "google", fake_subject="77", fake_email=new_email())
    me = [client.get(ME, headers=bearer(answer)).json() for answer in (first, moved)]
    assert me[0] == me[1]


def test_a_verified_email_links_the_existing_account(client: httpx2.Client) -> None:
    email = new_email()
%%% end
    user = register(client, email)
%%% if orm=sqlalchemy
    for provider in ("github", "google", "github"):
        me = client.get(ME, headers=bearer(log_in(client, provider, fake_email=email)))
        assert me.json()["id"] == user["id"]
    assert identities(client) == 2  # one per provider account
%%% end
%%% if orm=django
    me = client.get(ME, headers=bearer(log_in(client, "google", fake_email=email)))
    assert me.json()["id"] == user["id"]
    # The password still works beside the provider.
    login = client.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
    assert login.status_code == 200
%%% end


%%% if orm=sqlalchemy
def test_a_replayed_callback_is_refused(client: httpx2.Client) -> None:
    callback = consent(login_url(client, "google"))
    assert client.get(callback).status_code == 200
    assert client.get(callback).status_code == 403  # the state was spent by the first
%%% end
%%% if orm=django
def test_an_unverified_email_never_links_the_existing_account(client: httpx2.Client) -> None:
    email = new_email()
    register(client, email)
    for provider in ("github", "google"):
        answer = log_in(client, provider, fake_email=email, fake_verified="false")
        assert answer.status_code == 403
        assert "access_token" not in answer.text
    assert not OAuthIdentity.objects.exists()
%%% end


%%% if orm=sqlalchemy
def test_two_first_logins_at_once_make_one_link(
    client: httpx2.Client, monkeypatch: pytest.MonkeyPatch
%%% end
%%% if orm=django
def test_a_user_made_by_a_provider_has_no_password(client: httpx2.Client) -> None:
    email = new_email()
    assert log_in(client, "github", fake_email=email).status_code == 200
    assert not User.objects.get(email=email).has_usable_password()
    for password in ("", "!", PASSWORD):
        login = client.post("/api/v1/auth/login", json={"email": email, "password": password})
        assert login.status_code in {401, 422}


def test_the_tokens_rotate_as_any_others(client: httpx2.Client) -> None:
    pair = log_in(client, "github").json()
    body = {"refresh_token": pair["refresh_token"]}
    assert client.post("/api/v1/auth/refresh", json=body).status_code == 200
    assert client.post("/api/v1/auth/refresh", json=body).status_code == 401


@pytest.mark.django_db
def test_a_first_login_that_lost_a_race_takes_the_winners_user(
    monkeypatch: pytest.MonkeyPatch,
%%% end
) -> None:
%%% if orm=sqlalchemy
    identity = ProviderIdentity("github", "raced-subject", new_email())
    database = database_of(client)
    with database.sessions() as early, database.sessions() as late:
        late_service = OAuthLoginService(late)
        # The late request looked before the early one committed, and saw no link yet.
        looks = iter([lambda _: None])
        look = late_service._linked_user  # the race is between two of user_for's steps
        monkeypatch.setattr(late_service, "_linked_user", lambda i: next(looks, look)(i))
        winner = OAuthLoginService(early).user_for(identity)
        early.commit()
        assert late_service.user_for(identity).id == winner.id
    assert identities(client) == 1
%%% end
%%% if orm=django
    identity = ProviderIdentity("github", "1001", new_email())
    winner = OAuthLoginService().user_for(identity)
    # As if the other login linked it just after this one looked.
    looked = OAuthLoginService._linked_user
    misses: list[None] = [None]
    monkeypatch.setattr(
        OAuthLoginService, "_linked_user", lambda s, i: misses.pop() if misses else looked(s, i)
    )
    assert OAuthLoginService().user_for(identity) == winner
    assert OAuthIdentity.objects.count() == 1
%%% end


def test_a_first_login_racing_a_registration_of_its_email_links_that_account(
    client: httpx2.Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    email = new_email()
    registered = register(client, email)
%%% if orm=sqlalchemy
    with database_of(client).sessions() as session:
        service = OAuthLoginService(session)
        # The login looked for the email just before the registration committed.
        looks = iter([lambda _: None])
        look = service.users.by_email
        monkeypatch.setattr(service.users, "by_email", lambda e: next(looks, look)(e))
        user = service.user_for(ProviderIdentity("github", "raced-email", email))
        session.commit()
        assert user.id == registered["id"]
    assert identities(client) == 1
%%% end
%%% if orm=django
    # As if the login looked for the email just before the registration committed.
    looked = OAuthLoginService._user_with_email
    misses: list[None] = [None]
    monkeypatch.setattr(
        OAuthLoginService,
        "_user_with_email",
        lambda s, e: misses.pop() if misses else looked(s, e),
    )
    user = OAuthLoginService().user_for(ProviderIdentity("github", "1003", email))
    assert (user.pk, misses) == (registered["id"], [])
    assert list(OAuthIdentity.objects.values_list("user_id", flat=True)) == [user.pk]
%%% end

%%% if orm=django

@pytest.mark.django_db
def test_an_integrity_error_that_is_no_race_is_not_hidden(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    identity = ProviderIdentity("github", "1002", new_email())
    OAuthLoginService().user_for(identity)
    monkeypatch.setattr(OAuthLoginService, "_linked_user", lambda *_: None)
    with pytest.raises(IntegrityError):
        OAuthLoginService().user_for(identity)

%%% end
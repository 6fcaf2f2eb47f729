%%% if orm=sqlalchemy auth=jwt | orm=sqlalchemy auth=oauth
"""JWT auth on the migrated test database: what a deleted user's tokens are, stored rotation."""
%%% end
%%% if auth=session
"""Session auth on the migrated test database: what a deleted user's session is, and
sessions kept across processes (two apps, one database)."""
%%% end
%%% if orm=django
"""The auth endpoints on the test database."""
%%% end

%%% if orm=django
from collections.abc import Callable

%%% end
import httpx2
%%% if orm=sqlalchemy
from sqlalchemy import create_engine, text
%%% end
%%% if orm=django
import pytest
from django.conf import LazySettings
%%% end

%%% if orm=sqlalchemy
from acme_api.core.db import sqlalchemy_url
%%% end
%%% if auth=session
from acme_api.core.settings import Settings
%%% end
%%% if orm=django
from acme_api.auth.models import User
%%% end

%%% if auth=jwt | auth=oauth
from tests.identity import bearer, login
%%% end
%%% if auth=session
from tests.app_client import app_client
from tests.identity import login, login_headers, session_headers
%%% end
%%% if orm=sqlalchemy
from tests.users import new_email, register
%%% end
%%% if orm=django
from tests.users import PASSWORD, new_email, register
%%% end

AUTH = "/api/v1/auth"


%%% if orm=django
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


%%% end
%%% if auth=jwt | auth=oauth
def test_tokens_of_a_deleted_user_are_401_and_its_id_is_not_reused(
%%% end
%%% if auth=session
def test_the_session_of_a_deleted_user_is_401_and_goes_with_it(
%%% end
%%% if orm=sqlalchemy
    client: httpx2.Client, database_url: str
%%% end
%%% if orm=django
    client: httpx2.Client,
%%% end
) -> None:
    email = new_email()
    gone_id = register(client, email)["id"]
%%% if auth=jwt | auth=oauth
    tokens = login(client, email)
%%% end
%%% if auth=session
    headers = login_headers(client, email)
%%% end
%%% if orm=sqlalchemy
    # As an operator would delete it: by hand, foreign keys or not.
    engine = create_engine(sqlalchemy_url(database_url))
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM users WHERE id = :id"), {"id": gone_id})
    engine.dispose()
%%% end
%%% if orm=django
    assert isinstance(gone_id, int)
    # As an operator would delete it, from the shell.
    User.objects.filter(pk=gone_id).delete()
%%% end
%%% if auth=jwt | auth=oauth
    assert client.get(f"{AUTH}/me", headers=bearer(tokens["access_token"])).status_code == 401
    body = {"refresh_token": tokens["refresh_token"]}
    assert client.post(f"{AUTH}/refresh", json=body).status_code == 401
    next_id = register(client, new_email())["id"]
    assert isinstance(gone_id, int)
    assert isinstance(next_id, int)
    assert next_id > gone_id
%%% end
%%% if auth=session
    refused = client.get(f"{AUTH}/me", headers=headers)
    assert (refused.status_code, refused.headers["www-authenticate"]) == (401, "Session")
%%% end


%%% if orm=sqlalchemy auth=jwt | orm=sqlalchemy auth=oauth
def test_token_rotation_is_stored(client: httpx2.Client) -> None:
%%% end
%%% if auth=session
def test_a_session_works_on_every_process_and_logout_ends_it_on_all(
    client: httpx2.Client, database_url: str
%%% end
%%% if orm=django
def test_registrations_are_throttled_per_client_with_retry_after(
    client: httpx2.Client, configure: Callable[..., None]
%%% end
%%% if orm=sqlalchemy auth=session | orm=django auth=jwt | orm=django auth=oauth
) -> None:
%%% end
%%% if orm=django
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
%%% end
    email = new_email()
    register(client, email)
%%% if auth=jwt | auth=oauth
    tokens = login(client, email)
    rotated = client.post(f"{AUTH}/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert rotated.status_code == 200
    new = rotated.json()
    assert client.get(f"{AUTH}/me", headers=bearer(new["access_token"])).status_code == 200
    again = client.post(f"{AUTH}/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert again.status_code == 401
    assert again.headers["www-authenticate"] == "Bearer"
%%% end
%%% if auth=session
    answer = login(client, email)
    headers = session_headers(answer["session"], answer["csrf_token"])
    with app_client(Settings(database_url=database_url)) as other:
        assert other.get(f"{AUTH}/me", headers=headers).json()["email"] == email
        assert client.post(f"{AUTH}/logout", headers=headers).status_code == 204
        assert other.get(f"{AUTH}/me", headers=headers).status_code == 401
        assert other.post(f"{AUTH}/logout", headers=headers).status_code == 401
%%% end

%%% if orm=sqlalchemy auth=session | orm=django auth=jwt | orm=django auth=oauth

%%% end
%%% if auth=session
def test_the_database_keeps_a_hash_not_the_token(client: httpx2.Client, database_url: str) -> None:
%%% end
%%% if orm=django
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
%%% end
%%% if orm=sqlalchemy auth=session | orm=django auth=jwt | orm=django auth=oauth
    email = new_email()
    register(client, email)
%%% end
%%% if auth=session
    token = login(client, email)["session"]
    engine = create_engine(sqlalchemy_url(database_url))
    with engine.connect() as connection:
        stored = connection.execute(text("SELECT token_hash FROM sessions")).scalars().all()
    engine.dispose()
    assert len(stored) == 1
    assert token not in stored[0]
    assert len(stored[0]) == 64
%%% end
%%% if orm=django
    wrong = {"email": email, "password": "not the password"}
    assert client.post(f"{AUTH}/login", json=wrong).status_code == 401
    login(client, email)
    assert client.post(f"{AUTH}/login", json=wrong).status_code == 401
%%% end
%%% if orm=sqlalchemy auth=session | orm=django auth=jwt | orm=django auth=oauth

%%% end
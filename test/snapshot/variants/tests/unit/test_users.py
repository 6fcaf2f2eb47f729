%%% if framework=fastapi
"""Users' rules and routes, called directly on an in-memory database."""
%%% end
%%% if framework=flask
"""Users' routes over Flask's test client, on an in-memory database."""
%%% end

%%% if framework=flask
from collections.abc import Iterator

import httpx2
%%% end
import pytest
%%% if framework=fastapi
from fastapi import HTTPException, Request
from sqlalchemy.orm import Session
%%% end

%%% if framework=fastapi
from acme_api.auth import routes
from acme_api.auth.dependencies import current_owner, user_service
from acme_api.auth.schemas import Registration
from acme_api.auth.service import AuthenticationError, EmailTakenError, UserService
from acme_api.auth.throttle import TooManyAttemptsError
%%% end
%%% if framework=flask
from acme_api.core.db import IN_MEMORY
%%% end
from acme_api.core.settings import Settings

%%% if framework=fastapi
from tests.users import PASSWORD, new_email
%%% end
%%% if framework=flask
from tests.app_client import app_client
from tests.identity import login_headers
from tests.users import PASSWORD, new_email, register
%%% end

%%% if framework=fastapi
CLIENT = "203.0.113.7"
REQUEST = Request({"type": "http", "client": (CLIENT, 50000)})
%%% end
%%% if framework=flask
REGISTER = "/api/v1/auth/register"
PROBLEM = "application/problem+json"
%%% end


%%% if framework=fastapi
def registration(email: str | None = None) -> Registration:
    return Registration(email=email or new_email(), password=PASSWORD)
%%% end
%%% if framework=flask
@pytest.fixture
def client() -> Iterator[httpx2.Client]:
    with app_client(Settings(database_url=IN_MEMORY)) as client:
        yield client
%%% end


%%% if framework=fastapi
def test_registration_keeps_a_lower_case_email_and_only_a_hash(session: Session) -> None:
%%% end
%%% if framework=flask
def test_registration_keeps_a_lower_case_email_and_me_is_that_user(client: httpx2.Client) -> None:
%%% end
    email = new_email()
%%% if framework=fastapi
    user = user_service(session, Settings()).register(registration(email.upper()))
    assert (user.email, user.role) == (email, "user")
    assert PASSWORD not in user.password_hash
    assert routes.me(user) is user
%%% end
%%% if framework=flask
    user = register(client, email.upper())
    assert (user["email"], user["role"]) == (email, "user")
    assert "password" not in str(user)
    me = client.get("/api/v1/auth/me", headers=login_headers(client, email))
    assert me.json() == user
%%% end


%%% if framework=fastapi
def test_an_email_is_taken_once(session: Session) -> None:
    users = UserService(session, Settings())
%%% end
%%% if framework=flask
def test_an_email_is_taken_once(client: httpx2.Client) -> None:
%%% end
    email = new_email()
%%% if framework=fastapi
    routes.register(registration(email), users, REQUEST)
    session.commit()
    with pytest.raises(EmailTakenError):
        users.register(registration(email.upper()))
    with pytest.raises(HTTPException) as taken:
        routes.register(registration(email), users, REQUEST)
    assert taken.value.status_code == 409
%%% end
%%% if framework=flask
    register(client, email)
    taken = client.post(REGISTER, json={"email": email.upper(), "password": PASSWORD})
    assert (taken.status_code, taken.headers["content-type"]) == (409, PROBLEM)
    assert taken.json()["detail"] == "That email is taken."
%%% end


%%% if framework=fastapi
def test_a_look_alike_email_is_the_same_account(session: Session) -> None:
    users = UserService(session, Settings())
    email = new_email()
    user = users.register(registration(email))
    session.commit()
    # Full-width letters read the same; NFKC folds them into the plain ones.
    look_alike = email.upper().translate({c: c + 0xFEE0 for c in range(0x41, 0x5B)})
    assert registration(look_alike).email == email
    with pytest.raises(EmailTakenError):
        users.register(registration(look_alike))
    assert users.authenticate(look_alike, PASSWORD) is user
%%% end
%%% if framework=flask
def test_registrations_are_throttled_per_client_with_retry_after() -> None:
    with app_client(Settings(database_url=IN_MEMORY, registration_max_attempts=1)) as client:
        register(client, new_email())
        throttled = client.post(REGISTER, json={"email": new_email(), "password": PASSWORD})
    assert (throttled.status_code, throttled.headers["content-type"]) == (429, PROBLEM)
    assert 1 <= int(throttled.headers["Retry-After"]) <= 3600
%%% end

%%% if framework=fastapi

def test_registrations_are_throttled_per_client_taken_email_or_not(session: Session) -> None:
    users = UserService(session, Settings(registration_max_attempts=2))
    email = new_email()
    users.register(registration(email), CLIENT)
    with pytest.raises(EmailTakenError):
        users.register(registration(email), CLIENT)  # counted too: it cost a hash
    with pytest.raises(HTTPException) as throttled:
        routes.register(registration(), users, REQUEST)
    assert throttled.value.status_code == 429
    assert throttled.value.headers is not None
    assert 1 <= int(throttled.value.headers["Retry-After"]) <= 3600
    # Another address, and a request with none, are not held by it.
    users.register(registration(), "198.51.100.1")
    users.register(registration())


def test_authenticate_answers_a_wrong_password_as_an_unknown_email(session: Session) -> None:
    users = UserService(session, Settings())
    user = users.register(registration())
    assert users.authenticate(user.email, PASSWORD, CLIENT) is user
    for email, password in ((user.email, "wrong password"), (new_email(), PASSWORD)):
        with pytest.raises(AuthenticationError):
            users.authenticate(email, password, CLIENT)


def test_failed_logins_are_throttled_per_email_and_client(session: Session) -> None:
    users = UserService(session, Settings(login_max_attempts=2))
    user, other = users.register(registration()), users.register(registration())
    for _ in range(2):
        with pytest.raises(AuthenticationError):
            users.authenticate(user.email, "wrong password", CLIENT)
    # Even the right password waits now, and so does another email from the same client.
    for email in (user.email, other.email):
        with pytest.raises(TooManyAttemptsError) as throttled:
            users.authenticate(email, PASSWORD, CLIENT)
        assert 1 <= throttled.value.retry_after <= 300
    assert users.authenticate(other.email, PASSWORD, "198.51.100.1") is other


def test_a_successful_login_clears_its_emails_failures(session: Session) -> None:
    users = UserService(session, Settings(login_max_attempts=2))
    user = users.register(registration())
    with pytest.raises(AuthenticationError):
        users.authenticate(user.email, "wrong password")
    users.authenticate(user.email, PASSWORD)
    with pytest.raises(AuthenticationError):
        users.authenticate(user.email, "wrong password")
    assert users.authenticate(user.email, PASSWORD) is user


def test_a_user_owns_their_rows(session: Session) -> None:
    user = UserService(session, Settings()).register(registration())
    assert current_owner(user).owner_id == user.id

%%% end
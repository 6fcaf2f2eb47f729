"""Users' rules and routes, called directly on an in-memory database."""

import asyncio

import pytest
from fastapi import HTTPException, Request
from sqlalchemy.orm import Session

from acme_api.auth import routes
from acme_api.auth.dependencies import current_owner, user_service
from acme_api.auth.schemas import Registration
from acme_api.auth.service import AuthenticationError, EmailTakenError, UserService
from acme_api.auth.throttle import TooManyAttemptsError
from acme_api.core.settings import Settings

from tests.users import PASSWORD, new_email

CLIENT = "203.0.113.7"
REQUEST = Request({"type": "http", "client": (CLIENT, 50000)})


def registration(email: str | None = None) -> Registration:
    return Registration(email=email or new_email(), password=PASSWORD)


def test_registration_keeps_a_lower_case_email_and_only_a_hash(session: Session) -> None:
    email = new_email()
    user = asyncio.run(user_service(session, Settings())).register(registration(email.upper()))
    assert (user.email, user.role) == (email, "user")
    assert PASSWORD not in user.password_hash
    assert routes.me(user) is user


def test_an_email_is_taken_once(session: Session) -> None:
    users = UserService(session, Settings())
    email = new_email()
    routes.register(registration(email), users, REQUEST)
    session.commit()
    with pytest.raises(EmailTakenError):
        users.register(registration(email.upper()))
    with pytest.raises(HTTPException) as taken:
        routes.register(registration(email), users, REQUEST)
    assert taken.value.status_code == 409


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
    assert asyncio.run(current_owner(user)).owner_id == user.id

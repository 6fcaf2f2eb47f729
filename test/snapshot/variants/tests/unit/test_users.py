%%% if framework=fastapi
"""Users' rules and routes, called directly on an in-memory database."""
%%% end
%%% if framework=flask
"""Users' routes over Flask's test client, on an in-memory database."""
%%% end
%%% if orm=django
"""Users with no database: the rules of registration, the throttle keys, the views' wiring.
%%% end

%%% if framework=fastapi
import asyncio
%%% end
%%% if framework=flask
from collections.abc import Iterator
%%% end
%%% if orm=django
The users here are unsaved model instances; where a view would reach the
database, the service it calls is replaced, so what is tested is the view's own
work: reading the body, choosing the status, shaping the answer.
"""
%%% end

%%% if framework=flask
import httpx2
%%% end
%%% if orm=django
from typing import Any, cast

%%% end
import pytest
%%% if framework=fastapi
from fastapi import HTTPException, Request
from sqlalchemy.orm import Session
%%% end
%%% if orm=django
from django.db.models import QuerySet
from rest_framework.test import APIRequestFactory, force_authenticate
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
%%% if orm=sqlalchemy
from acme_api.core.settings import Settings
%%% end
%%% if orm=django
from acme_api.auth import commands
from acme_api.auth.models import LoginFailure, User
from acme_api.auth.ownership import visible_rows
from acme_api.auth.serializers import CredentialsSerializer, LoginSerializer, UserSerializer
from acme_api.auth.service import UserService
from acme_api.auth.throttle import Throttle, login_keys, registration_keys
from acme_api.auth.views import MeView, RegisterView, client_address
from acme_api.cli import main
from acme_api.core import migrate, setup
%%% end

%%% if framework=fastapi
from tests.users import PASSWORD, new_email
%%% end
%%% if framework=flask
from tests.app_client import app_client
from tests.identity import login_headers
from tests.users import PASSWORD, new_email, register
%%% end
%%% if orm=django
factory = APIRequestFactory()
%%% end

%%% if framework=fastapi
CLIENT = "203.0.113.7"
REQUEST = Request({"type": "http", "client": (CLIENT, 50000)})
%%% end
%%% if framework=flask
REGISTER = "/api/v1/auth/register"
PROBLEM = "application/problem+json"
%%% end

%%% if orm=django
def a_user(**fields: Any) -> User:
    return User(**{"id": 7, "email": "someone@example.com", "role": "user", **fields})
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

%%% if orm=django
def test_registration_stores_the_email_in_its_one_form() -> None:
    body = CredentialsSerializer(
        data={"email": "\uff21lice@Example.COM", "password": "long enough"}
    )
    assert body.is_valid(), body.errors
    assert body.validated_data["email"] == "alice@example.com"
%%% end

%%% if framework=fastapi
def test_registration_keeps_a_lower_case_email_and_only_a_hash(session: Session) -> None:
%%% end
%%% if framework=flask
def test_registration_keeps_a_lower_case_email_and_me_is_that_user(client: httpx2.Client) -> None:
%%% end
%%% if orm=sqlalchemy
    email = new_email()
%%% end
%%% if framework=fastapi
    user = asyncio.run(user_service(session, Settings())).register(registration(email.upper()))
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

%%% if orm=django
@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"email": "not an email", "password": "long enough"}, "email"),
        ({"email": 42, "password": "long enough"}, "email"),
        ({"email": "a@example.com", "password": "short"}, "password"),
        ({"email": "a@example.com", "password": "x" * 1025}, "password"),
        ({"email": "a@example.com"}, "password"),
        ({"email": "a@example.com", "password": "long enough", "role": "admin"}, "role"),
    ],
    ids=["bad-email", "email-not-a-string", "short", "too-long", "missing", "unknown-field"],
)
def test_registration_refuses_bad_credentials(data: dict[str, object], field: str) -> None:
    body = CredentialsSerializer(data=data)
    assert not body.is_valid()
    assert list(body.errors) == [field]
%%% end

%%% if framework=fastapi
def test_an_email_is_taken_once(session: Session) -> None:
    users = UserService(session, Settings())
%%% end
%%% if framework=flask
def test_an_email_is_taken_once(client: httpx2.Client) -> None:
%%% end
%%% if orm=sqlalchemy
    email = new_email()
%%% end
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

%%% if orm=django
def test_a_password_keeps_its_spaces() -> None:
    body = CredentialsSerializer(data={"email": "a@example.com", "password": "  spaced  "})
    assert body.is_valid(), body.errors
    assert body.validated_data["password"] == "  spaced  "
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

%%% if orm=django
def test_a_user_is_never_written_through_its_read_serializer() -> None:
    body = UserSerializer(data={"email": "a@example.com", "role": "admin", "password": "x"})
    assert not body.is_valid()
    assert sorted(body.errors) == ["email", "password", "role"]
    assert "password" not in UserSerializer(a_user()).data
%%% end
%%% if framework=fastapi | framework=django

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
%%% end
%%% if framework=fastapi | framework=django

%%% end
%%% if orm=django
def test_login_checks_types_only() -> None:
    # A short password is a wrong password (401), not a 422 telling the rule.
    assert LoginSerializer(data={"email": "anything", "password": "x"}).is_valid()
    assert not LoginSerializer(data={"email": "a", "password": 1}).is_valid()
%%% end
%%% if framework=fastapi | framework=django

%%% end
%%% if framework=fastapi
def test_authenticate_answers_a_wrong_password_as_an_unknown_email(session: Session) -> None:
    users = UserService(session, Settings())
    user = users.register(registration())
    assert users.authenticate(user.email, PASSWORD, CLIENT) is user
    for email, password in ((user.email, "wrong password"), (new_email(), PASSWORD)):
        with pytest.raises(AuthenticationError):
            users.authenticate(email, password, CLIENT)
%%% end
%%% if framework=fastapi | framework=django

%%% end
%%% if orm=django
def test_credential_problems_are_one_line() -> None:
    assert commands.credential_problems("a@example.com", "long enough") is None
    problems = commands.credential_problems("nope", "short")
    assert problems is not None
    assert problems.startswith("email: ")
    assert "; password: " in problems
    assert "\n" not in problems
%%% end
%%% if framework=fastapi | framework=django

%%% end
%%% if framework=fastapi
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
%%% end
%%% if framework=fastapi | framework=django

%%% end
%%% if orm=django
def test_a_login_counts_against_its_email_and_its_address() -> None:
    assert login_keys("Alice@Example.com", "10.0.0.1") == (
        "login:email:alice@example.com",
        "login:client:10.0.0.1",
    )
    assert login_keys("alice@example.com", None) == ("login:email:alice@example.com",)
%%% end
%%% if framework=fastapi | framework=django

%%% end
%%% if framework=fastapi
def test_a_successful_login_clears_its_emails_failures(session: Session) -> None:
    users = UserService(session, Settings(login_max_attempts=2))
    user = users.register(registration())
    with pytest.raises(AuthenticationError):
        users.authenticate(user.email, "wrong password")
    users.authenticate(user.email, PASSWORD)
    with pytest.raises(AuthenticationError):
        users.authenticate(user.email, "wrong password")
    assert users.authenticate(user.email, PASSWORD) is user
%%% end
%%% if framework=fastapi | framework=django

%%% end
%%% if orm=django
def test_a_registration_counts_against_its_address_only() -> None:
    assert registration_keys("10.0.0.1") == ("registration:client:10.0.0.1",)
    assert registration_keys(None) == ()
%%% end
%%% if framework=fastapi | framework=django

%%% end
%%% if framework=fastapi
def test_a_user_owns_their_rows(session: Session) -> None:
    user = UserService(session, Settings()).register(registration())
    assert asyncio.run(current_owner(user)).owner_id == user.id
%%% end
%%% if framework=fastapi | framework=django

%%% end
%%% if orm=django
def test_the_service_throttles_with_the_settings() -> None:
    from django.conf import settings

    service = UserService(settings.ENV)
    assert service.login_throttle.prefix == "login:"
    assert service.login_throttle.max_attempts == settings.ENV.login_max_attempts
    assert service.registration_throttle.window.total_seconds() == (
        settings.ENV.registration_window_seconds
    )
    assert Throttle("x", 1, 60).window.total_seconds() == 60


def test_models_read_as_their_key() -> None:
    assert str(a_user()) == "someone@example.com"
    assert str(LoginFailure(key="login:email:a@example.com")) == "login:email:a@example.com"


def test_a_request_is_counted_against_its_remote_address() -> None:
    assert client_address(factory.get("/", REMOTE_ADDR="10.1.2.3")) == "10.1.2.3"
    assert client_address(factory.get("/", REMOTE_ADDR="")) is None


def test_register_answers_201_with_the_user_and_never_the_password(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[tuple[str, str, str | None]] = []

    def register(_: UserService, email: str, password: str, client: str | None = None) -> User:
        calls.append((email, password, client))
        return a_user(email=email)

    monkeypatch.setattr(UserService, "register", register)
    request = factory.post(
        "/api/v1/auth/register",
        {"email": "New@Example.com", "password": "long enough"},
        format="json",
        REMOTE_ADDR="10.0.0.9",
    )
    response = RegisterView.as_view()(request)
    assert response.status_code == 201
    assert calls == [("new@example.com", "long enough", "10.0.0.9")]
    assert response.data["email"] == "new@example.com"
    assert set(response.data) == {"id", "email", "role", "created_at"}


def test_register_refuses_a_bad_body_before_the_service(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(UserService, "register", lambda *_: pytest.fail("service called"))
    request = factory.post("/", {"email": "a@example.com", "password": "x"}, format="json")
    response = RegisterView.as_view()(request)
    assert response.status_code == 422
    assert response.data["errors"][0]["field"] == "password"


def test_me_is_the_authenticated_user() -> None:
    request = factory.get("/api/v1/auth/me")
    force_authenticate(request, user=a_user(role="admin"))
    response = MeView.as_view()(request)
    assert response.status_code == 200
    assert (response.data["id"], response.data["role"]) == (7, "admin")


def test_me_without_credentials_is_401() -> None:
    response = MeView.as_view()(factory.get("/api/v1/auth/me"))
    assert response.status_code == 401


def _no_django_setup(monkeypatch: pytest.MonkeyPatch) -> None:
    # pytest-django has set Django up already.
    monkeypatch.setattr(setup, "configure_django", lambda: None)


def test_set_password_sets_it_for_the_normalised_email(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _no_django_setup(monkeypatch)
    calls: list[tuple[str, str]] = []

    def set_password(email: str, password: str) -> bool:
        calls.append((email, password))
        return True

    monkeypatch.setattr(commands, "set_password", set_password)
    assert main(["set-password", "--email", "A@Example.com", "--password", "a new one"]) == 0
    assert calls == [("A@Example.com", "a new one")]
    logged = capsys.readouterr().err
    assert "password set: a@example.com" in logged
    assert "a new one" not in logged


def test_set_password_refuses_bad_input_and_unknown_users(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _no_django_setup(monkeypatch)
    monkeypatch.setattr(commands, "set_password", lambda *_: False)
    assert main(["set-password", "--email", "a@example.com", "--password", "short"]) == 1
    assert "set-password: password: " in capsys.readouterr().err
    assert main(["set-password", "--email", "Nobody@Example.com", "--password", "long enough"]) == 1
    assert "no user has the email nobody@example.com" in capsys.readouterr().err


def test_migrate_takes_an_owner_only_as_an_email(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    chosen: list[object] = []
    monkeypatch.setattr(migrate, "migrate", lambda _settings, choices: chosen.append(choices))
    assert main(["migrate", "--owner", "Boss@Example.com"]) == 0
    assert chosen == [{"owner": "boss@example.com"}]
    with pytest.raises(SystemExit) as usage:
        main(["migrate", "--owner", "not an email"])
    assert usage.value.code == 2
    assert "--owner: not an email address" in capsys.readouterr().err


class RecordingRows:
    """Stands for a queryset: records the filter a caller narrows it with."""

    def __init__(self) -> None:
        self.filters: list[dict[str, object]] = []

    def filter(self, **conditions: object) -> "RecordingRows":
        self.filters.append(conditions)
        return self


def test_a_user_sees_their_own_rows_only() -> None:
    user, rows = a_user(), RecordingRows()
    narrowed: object = visible_rows(cast("QuerySet[Any]", rows), user)
    assert narrowed is rows
    assert rows.filters == [{"owner": user}]

%%% end
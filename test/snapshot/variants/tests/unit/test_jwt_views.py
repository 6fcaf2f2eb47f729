"""The JWT layer with no database: the bearer header, the token checks, the views' answers.

A token that fails its signature, expiry or type check is refused before any
query; where a view would reach the database with a good one, the service is
replaced, so what is tested is the view's own work.
"""

from typing import Any

import pytest
from django.conf import settings
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.test import APIRequestFactory, force_authenticate

from acme_api.auth.jwt.authentication import BearerAuthentication
from acme_api.auth.jwt.models import RefreshToken
from acme_api.auth.jwt.service import TokenPair, TokenService
from acme_api.auth.jwt.tokens import issue_token
from acme_api.auth.jwt.views import LoginView, LogoutView, RefreshView
from acme_api.auth.models import User
from acme_api.auth.service import AuthenticationError, UserService

factory = APIRequestFactory()
PAIR = TokenPair(access_token="an-access-token", refresh_token="a-refresh-token", expires_in=900)


def a_user(**fields: Any) -> User:
    return User(**{"id": 7, "email": "someone@example.com", "role": "user", **fields})


def a_token(token_type: str) -> str:
    secret = settings.ENV.secret_key.get_secret_value()
    return issue_token(secret, 7, token_type, 60).token  # type: ignore[arg-type]


def bearer(header: str) -> tuple[User, str] | None:
    return BearerAuthentication().authenticate(factory.get("/", HTTP_AUTHORIZATION=header))


@pytest.mark.parametrize("header", ["", "Basic dXNlcjpwYXNz", "Token abc"])
def test_no_bearer_header_is_anonymous(header: str) -> None:
    assert bearer(header) is None


@pytest.mark.parametrize(
    "header",
    ["Bearer", "Bearer two parts", "Bearer not.a.token", "Bearer caf\u00e9"],
    ids=["no-token", "spaces", "junk", "not-ascii"],
)
def test_a_bad_bearer_header_is_401(header: str) -> None:
    with pytest.raises(AuthenticationFailed, match="invalid or has expired"):
        bearer(header)


def test_a_refresh_token_is_no_access_token() -> None:
    with pytest.raises(AuthenticationFailed):
        bearer(f"Bearer {a_token('refresh')}")


def test_a_good_access_token_is_its_user(monkeypatch: pytest.MonkeyPatch) -> None:
    user, token = a_user(), a_token("access")
    seen: list[str] = []

    def user_of_access_token(_: TokenService, sent: str) -> User:
        seen.append(sent)
        return user

    monkeypatch.setattr(TokenService, "user_of_access_token", user_of_access_token)
    assert bearer(f"bearer {token}") == (user, token)
    assert seen == [token]


def test_a_refusal_asks_for_a_bearer_token() -> None:
    assert BearerAuthentication().authenticate_header(factory.get("/")) == "Bearer"


@pytest.mark.parametrize(
    ("method", "token_type"),
    [("user_of_access_token", "refresh"), ("refresh", "access")],
)
def test_each_use_takes_its_own_token_type(method: str, token_type: str) -> None:
    with pytest.raises(AuthenticationError):
        getattr(TokenService(settings.ENV), method)(a_token(token_type))


def test_logout_refuses_an_access_token() -> None:
    with pytest.raises(AuthenticationError):
        TokenService(settings.ENV).logout(a_user(), a_token("access"))


def test_a_stored_refresh_token_reads_as_its_id() -> None:
    assert str(RefreshToken(jti="abc")) == "abc"


def test_login_answers_a_token_pair(monkeypatch: pytest.MonkeyPatch) -> None:
    user = a_user()
    checked: list[tuple[str, str, str | None]] = []

    def authenticate(_: UserService, email: str, password: str, client: str | None) -> User:
        checked.append((email, password, client))
        return user

    monkeypatch.setattr(UserService, "authenticate", authenticate)
    monkeypatch.setattr(TokenService, "login", lambda _, who: PAIR if who is user else None)
    request = factory.post(
        "/", {"email": "a@example.com", "password": "pw"}, format="json", REMOTE_ADDR="10.0.0.2"
    )
    response = LoginView.as_view()(request)
    assert response.status_code == 200
    assert checked == [("a@example.com", "pw", "10.0.0.2")]
    assert response.data == {
        "access_token": "an-access-token",
        "refresh_token": "a-refresh-token",
        "expires_in": 900,
        "token_type": "bearer",
    }


def test_wrong_credentials_are_one_401_asking_for_a_bearer_token(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def authenticate(*_: object) -> User:
        raise AuthenticationError

    monkeypatch.setattr(UserService, "authenticate", authenticate)
    request = factory.post("/", {"email": "a@example.com", "password": "pw"}, format="json")
    response = LoginView.as_view()(request)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"
    assert response.data["detail"] == "Wrong email or password."


def test_login_refuses_a_bad_body() -> None:
    request = factory.post("/", {"email": "a@example.com"}, format="json")
    response = LoginView.as_view()(request)
    assert response.status_code == 422
    assert [e["field"] for e in response.data["errors"]] == ["password"]


def test_refresh_answers_the_new_pair(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(TokenService, "refresh", lambda _, token: PAIR if token == "t" else None)
    response = RefreshView.as_view()(factory.post("/", {"refresh_token": "t"}, format="json"))
    assert response.status_code == 200
    assert response.data["access_token"] == "an-access-token"


def test_refresh_with_a_bad_token_is_401() -> None:
    request = factory.post("/", {"refresh_token": a_token("access")}, format="json")
    response = RefreshView.as_view()(request)
    assert response.status_code == 401
    assert response.data["detail"] == "The refresh token is invalid, used or expired."


def test_logout_needs_a_user() -> None:
    response = LogoutView.as_view()(factory.post("/", {"refresh_token": "t"}, format="json"))
    assert response.status_code == 401


def test_logout_answers_204(monkeypatch: pytest.MonkeyPatch) -> None:
    user = a_user()
    logged_out: list[tuple[User, str]] = []
    monkeypatch.setattr(TokenService, "logout", lambda _, *args: logged_out.append(args))
    request = factory.post("/", {"refresh_token": "t"}, format="json")
    force_authenticate(request, user=user)
    response = LogoutView.as_view()(request)
    assert response.status_code == 204
    assert logged_out == [(user, "t")]


def test_logout_with_a_bad_token_is_401() -> None:
    request = factory.post("/", {"refresh_token": "junk"}, format="json")
    force_authenticate(request, user=a_user())
    response = LogoutView.as_view()(request)
    assert response.status_code == 401

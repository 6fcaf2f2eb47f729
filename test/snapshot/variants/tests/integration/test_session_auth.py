"""Session auth on the test database: the cookie, the CSRF token, logout and both expiries."""

import time
from collections.abc import Callable
from datetime import timedelta
from types import SimpleNamespace

import httpx2
import pytest
from django.conf import LazySettings
from django.contrib.sessions.models import Session
from django.utils import timezone

from acme_api.auth.session import lifetime

from tests.identity import CSRF_HEADER, login, session_cookie, session_headers
from tests.users import PASSWORD, new_email, register

AUTH = "/api/v1/auth"
# What every authenticated endpoint does, shown on two that every project has.
ME = f"{AUTH}/me"
LOGOUT = f"{AUTH}/logout"


@pytest.fixture
def configure(settings: LazySettings) -> Callable[..., None]:
    """Change environment settings (`configure(login_max_attempts=3)`) for this test only."""

    def change(**changes: object) -> None:
        settings.ENV = settings.ENV.model_copy(update=changes)

    return change


@pytest.fixture
def logged_in(client: httpx2.Client) -> httpx2.Response:
    """A fresh user's login."""
    email = new_email()
    register(client, email)
    return login(client, email)


def later(monkeypatch: pytest.MonkeyPatch, seconds: int) -> None:
    """The lifetime rules see a clock `seconds` ahead."""
    now = time.time() + seconds
    monkeypatch.setattr(lifetime, "time", SimpleNamespace(time=lambda: now))


def test_login_answers_the_user_and_a_csrf_token_and_sets_a_hardened_cookie(
    client: httpx2.Client,
) -> None:
    email = new_email()
    user = register(client, email)
    response = login(client, email.upper())
    assert response.json() == {**user, "csrf_token": response.json()["csrf_token"]}
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("sessionid=")
    for flag in ("HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=1800"):
        assert flag in cookie
    # Secure in production only (the e2e tests see it); tests run as APP_ENV=test.
    assert "Secure" not in cookie
    assert Session.objects.filter(session_key=session_cookie(response)).exists()


def test_each_login_is_a_new_session_and_the_one_it_replaced_ends(
    client: httpx2.Client, logged_in: httpx2.Response
) -> None:
    email = client.get(f"{AUTH}/me", headers=session_headers(logged_in)).json()["email"]
    old = session_headers(logged_in)
    again = client.post(f"{AUTH}/login", json={"email": email, "password": PASSWORD}, headers=old)
    assert again.status_code == 200
    assert session_cookie(again) != session_cookie(logged_in)
    assert client.get(f"{AUTH}/me", headers=old).status_code == 401
    assert client.get(f"{AUTH}/me", headers=session_headers(again)).status_code == 200


@pytest.mark.parametrize("known", [True, False], ids=["wrong-password", "unknown-email"])
def test_wrong_credentials_are_the_same_401(client: httpx2.Client, known: bool) -> None:
    email = new_email()
    if known:
        register(client, email)
    refused = client.post(f"{AUTH}/login", json={"email": email, "password": "not it at all"})
    assert refused.status_code == 401
    assert refused.headers["www-authenticate"] == "Session"
    assert refused.json()["detail"] == "Wrong email or password."
    assert "set-cookie" not in refused.headers


def test_without_a_session_the_api_is_401_and_says_how_to_log_in(client: httpx2.Client) -> None:
    refused = client.get(ME)
    assert refused.status_code == 401
    assert refused.headers["content-type"] == "application/problem+json"
    assert refused.headers["www-authenticate"] == "Session"
    assert "POST /api/v1/auth/login" in refused.json()["detail"]
    unknown = client.get(ME, headers={"Cookie": "sessionid=not-a-session"})
    assert unknown.status_code == 401


def test_unsafe_methods_need_the_sessions_csrf_token(
    client: httpx2.Client, logged_in: httpx2.Response
) -> None:
    headers = session_headers(logged_in)
    cookie_only = {"Cookie": headers["Cookie"]}
    assert client.get(ME, headers=cookie_only).status_code == 200
    # Another session's token is no good either.
    email = new_email()
    register(client, email)
    other = login(client, email).json()["csrf_token"]
    for sent in (
        cookie_only,
        {**cookie_only, CSRF_HEADER: "x" * 64},
        {**cookie_only, CSRF_HEADER: other},
    ):
        refused = client.post(LOGOUT, headers=sent)
        assert refused.status_code == 403
        assert refused.headers["content-type"] == "application/problem+json"
        assert refused.json()["detail"].startswith("CSRF check failed")
    assert client.get(ME, headers=cookie_only).status_code == 200  # the session lives on
    assert client.post(LOGOUT, headers=headers).status_code == 204


def test_a_form_body_the_csrf_check_cannot_parse_is_a_415(
    client: httpx2.Client, logged_in: httpx2.Response
) -> None:
    headers = {**session_headers(logged_in), "Content-Type": "multipart/form-data"}
    refused = client.post(LOGOUT, content=b'{"title": "t"}', headers=headers)
    assert refused.status_code == 415
    assert refused.headers["content-type"] == "application/problem+json"


def test_logout_ends_the_session_on_the_server(
    client: httpx2.Client, logged_in: httpx2.Response
) -> None:
    headers = session_headers(logged_in)
    assert client.post(f"{AUTH}/logout", headers={"Cookie": headers["Cookie"]}).status_code == 403
    logged_out = client.post(f"{AUTH}/logout", headers=headers)
    assert logged_out.status_code == 204
    assert 'sessionid=""' in logged_out.headers["set-cookie"]
    assert not Session.objects.filter(session_key=session_cookie(logged_in)).exists()
    after = client.get(f"{AUTH}/me", headers=headers)
    assert after.status_code == 401
    assert after.headers["www-authenticate"] == "Session"


def test_a_session_ends_at_its_absolute_limit_however_busy(
    client: httpx2.Client,
    logged_in: httpx2.Response,
    monkeypatch: pytest.MonkeyPatch,
    configure: Callable[..., None],
) -> None:
    configure(session_max_age_seconds=3600)
    headers = session_headers(logged_in)
    later(monkeypatch, 3599)
    assert client.get(f"{AUTH}/me", headers=headers).status_code == 200
    later(monkeypatch, 3600)
    assert client.get(f"{AUTH}/me", headers=headers).status_code == 401
    assert not Session.objects.filter(session_key=session_cookie(logged_in)).exists()


def test_a_used_session_idles_out_later_and_an_unused_one_ends(
    client: httpx2.Client, logged_in: httpx2.Response, monkeypatch: pytest.MonkeyPatch
) -> None:
    headers = session_headers(logged_in)
    stored = Session.objects.get(session_key=session_cookie(logged_in))
    later(monkeypatch, 60)
    used = client.get(f"{AUTH}/me", headers=headers)
    # Saved again: the row and the cookie expire SESSION_IDLE_SECONDS from now.
    assert "Max-Age=1800" in used.headers["set-cookie"]
    assert Session.objects.get(pk=stored.pk).expire_date > stored.expire_date
    Session.objects.filter(pk=stored.pk).update(expire_date=timezone.now() - timedelta(seconds=1))
    assert client.get(f"{AUTH}/me", headers=headers).status_code == 401


def test_failed_logins_are_throttled_with_retry_after(
    client: httpx2.Client, configure: Callable[..., None]
) -> None:
    configure(login_max_attempts=3)
    email = new_email()
    register(client, email)
    wrong = {"email": email, "password": "not the password"}
    assert [client.post(f"{AUTH}/login", json=wrong).status_code for _ in range(3)] == [401] * 3
    # Even the right password waits now.
    throttled = client.post(f"{AUTH}/login", json={"email": email, "password": PASSWORD})
    assert throttled.status_code == 429
    assert throttled.headers["content-type"] == "application/problem+json"
    assert 1 <= int(throttled.headers["retry-after"]) <= 300

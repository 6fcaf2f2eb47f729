"""The session layer with no database: the CSRF check, the lifetime rules, the views' answers.

Sessions here are signed cookies (tests/identity.py), so nothing is stored;
where a view would reach the database, what it calls is replaced, so what is
tested is the view's own work.
"""

from types import SimpleNamespace
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory, force_authenticate

from acme_api.auth.models import User
from acme_api.auth.service import AuthenticationError, UserService
from acme_api.auth.session import lifetime, views
from acme_api.auth.session.authentication import CookieSessionAuthentication

# CSRF checked as a served app checks it (the factory skips it by default).
factory = APIRequestFactory(enforce_csrf_checks=True)
NOW = 1_800_000_000


def a_user(**fields: Any) -> User:
    return User(**{"id": 7, "email": "someone@example.com", "role": "user", **fields})


def a_session_and_its_csrf_token() -> tuple[SessionStore, str]:
    """A session holding a CSRF secret, as a login leaves it, and the token a client sends."""
    request = factory.get("/")
    request.session = SessionStore()
    token = get_token(request)
    # Where the middleware keeps the secret on the way out: in the session (CSRF_USE_SESSIONS).
    CsrfViewMiddleware(lambda _: HttpResponse()).process_response(request, HttpResponse())
    return request.session, token


def csrf_check(session: SessionStore, method: str = "post", **meta: str) -> None:
    request = getattr(factory, method)("/", {}, format="json", **meta)
    request.session = session
    CookieSessionAuthentication().enforce_csrf(Request(request))


def test_no_session_is_anonymous_and_a_refusal_asks_for_one() -> None:
    request = factory.get("/")
    request.user = AnonymousUser()
    authentication = CookieSessionAuthentication()
    assert authentication.authenticate(Request(request)) is None
    assert authentication.authenticate_header(Request(request)) == "Session"


def test_the_sessions_user_with_its_csrf_token_is_authenticated() -> None:
    session, token = a_session_and_its_csrf_token()
    request = factory.post("/", {}, format="json", HTTP_X_CSRF_TOKEN=token)
    request.session, request.user = session, a_user()
    assert CookieSessionAuthentication().authenticate(Request(request)) == (request.user, None)


@pytest.mark.parametrize(
    "meta",
    [{}, {"HTTP_X_CSRF_TOKEN": "not-the-token"}, {"HTTP_X_CSRF_TOKEN": "x" * 64}],
    ids=["missing", "junk", "wrong"],
)
def test_an_unsafe_method_without_the_token_is_refused(meta: dict[str, str]) -> None:
    session, _ = a_session_and_its_csrf_token()
    with pytest.raises(PermissionDenied, match="CSRF check failed: CSRF token"):
        csrf_check(session, **meta)


def test_a_safe_method_needs_no_token() -> None:
    session, _ = a_session_and_its_csrf_token()
    csrf_check(session, method="get")


def test_behind_tls_the_token_alone_passes_without_origin_or_referer() -> None:
    session, token = a_session_and_its_csrf_token()
    csrf_check(session, HTTP_X_CSRF_TOKEN=token, HTTP_X_FORWARDED_PROTO="https")


def test_behind_tls_another_origin_is_refused_even_with_the_token() -> None:
    session, token = a_session_and_its_csrf_token()
    with pytest.raises(PermissionDenied, match="Origin checking failed"):
        csrf_check(
            session,
            HTTP_X_CSRF_TOKEN=token,
            HTTP_X_FORWARDED_PROTO="https",
            HTTP_ORIGIN="https://evil.example",
        )


def test_the_same_origin_behind_tls_passes() -> None:
    session, token = a_session_and_its_csrf_token()
    csrf_check(
        session,
        HTTP_X_CSRF_TOKEN=token,
        HTTP_X_FORWARDED_PROTO="https",
        HTTP_HOST="testserver",
        HTTP_ORIGIN="https://testserver",
    )


@pytest.mark.parametrize(("idle", "interval"), [(1800, 60), (300, 30), (5, 0)])
def test_a_session_is_saved_again_after_a_tenth_of_its_idle_time(idle: int, interval: int) -> None:
    assert lifetime.save_interval(idle) == interval


def test_a_login_stamps_its_session() -> None:
    request = factory.post("/")
    request.session = SessionStore()
    lifetime.stamp_login(User, request)
    lifetime.stamp_login(User, None)
    assert request.session[lifetime.LOGGED_IN_AT] == request.session[lifetime.SAVED_AT]


def through_lifetime(session: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> HttpRequest:
    """A request in a session with these keys, after SessionLifetimeMiddleware, at NOW."""
    monkeypatch.setattr(lifetime, "time", SimpleNamespace(time=lambda: NOW + 0.5))
    request = factory.get("/")
    request.session = SessionStore()
    request.session.update(session)
    request.session.modified = False
    request.user = a_user()
    lifetime.SessionLifetimeMiddleware(lambda _: HttpResponse())(request)
    return request


def test_a_session_past_its_absolute_limit_is_logged_out(monkeypatch: pytest.MonkeyPatch) -> None:
    max_age = settings.ENV.session_max_age_seconds
    request = through_lifetime(
        {SESSION_KEY: "7", lifetime.LOGGED_IN_AT: NOW - max_age}, monkeypatch
    )
    assert SESSION_KEY not in request.session
    assert not request.user.is_authenticated


def test_a_logged_in_session_without_its_stamp_is_logged_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert SESSION_KEY not in through_lifetime({SESSION_KEY: "7"}, monkeypatch).session


def test_a_young_session_is_saved_once_its_expiry_grows_stale(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    young = {SESSION_KEY: "7", lifetime.LOGGED_IN_AT: NOW - 100}
    fresh = through_lifetime({**young, lifetime.SAVED_AT: NOW - 10}, monkeypatch).session
    assert not fresh.modified
    stale = through_lifetime({**young, lifetime.SAVED_AT: NOW - 60}, monkeypatch).session
    assert stale.modified
    assert stale[lifetime.SAVED_AT] == NOW


def test_an_anonymous_session_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    assert not through_lifetime({}, monkeypatch).session.modified


def test_login_starts_a_session_and_answers_the_user_and_a_csrf_token(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    user = a_user()
    checked: list[tuple[str, str, str | None]] = []
    logged_in: list[User] = []

    def authenticate(_: UserService, email: str, password: str, client: str | None) -> User:
        checked.append((email, password, client))
        return user

    monkeypatch.setattr(UserService, "authenticate", authenticate)
    monkeypatch.setattr(views, "login", lambda _, who: logged_in.append(who))
    body = {"email": "a@example.com", "password": "pw"}
    request = factory.post("/", body, format="json", REMOTE_ADDR="10.0.0.2")
    request.session = SessionStore()
    request.session["from_before"] = True
    response = views.LoginView.as_view()(request)
    assert response.status_code == 200
    assert "from_before" not in request.session
    assert checked == [("a@example.com", "pw", "10.0.0.2")]
    assert logged_in == [user]
    assert response.data["email"] == "someone@example.com"
    assert set(response.data) == {"id", "email", "role", "created_at", "csrf_token"}
    assert response.data["csrf_token"]


def test_wrong_credentials_are_one_401_asking_for_a_session(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def authenticate(*_: object) -> User:
        raise AuthenticationError

    monkeypatch.setattr(UserService, "authenticate", authenticate)
    request = factory.post("/", {"email": "a@example.com", "password": "pw"}, format="json")
    response = views.LoginView.as_view()(request)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Session"
    assert response.data["detail"] == "Wrong email or password."


def test_login_refuses_a_bad_body() -> None:
    response = views.LoginView.as_view()(factory.post("/", {"email": 1}, format="json"))
    assert response.status_code == 422


def test_logout_needs_a_session_and_says_how_to_get_one() -> None:
    request = factory.post("/")
    request.user = AnonymousUser()
    response = views.LogoutView.as_view()(request)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Session"
    assert "POST /api/v1/auth/login" in response.data["detail"]


def test_logout_ends_the_session(monkeypatch: pytest.MonkeyPatch) -> None:
    ended: list[HttpRequest] = []
    monkeypatch.setattr(views, "logout", ended.append)
    request = factory.post("/")
    force_authenticate(request, user=a_user())
    response = views.LogoutView.as_view()(request)
    assert response.status_code == 204
    assert ended == [request]

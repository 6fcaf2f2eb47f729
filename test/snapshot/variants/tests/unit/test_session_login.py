"""Session login over the app's test client: the cookie, the CSRF check, logout, throttling."""

from collections.abc import Iterator

import httpx2
import pytest

from acme_api.core.db import IN_MEMORY
from acme_api.core.settings import Settings

from tests.app_client import app_client
from tests.identity import COOKIE, CSRF_HEADER, login, session_cookie, session_headers
from tests.users import PASSWORD, new_email, register

AUTH = "/api/v1/auth"
SETTINGS = Settings(database_url=IN_MEMORY, login_max_attempts=2)


@pytest.fixture
def client() -> Iterator[httpx2.Client]:
    with app_client(SETTINGS) as client:
        yield client


def new_login(client: httpx2.Client) -> dict[str, str]:
    email = new_email()
    register(client, email)
    return login(client, email)


def test_login_answers_the_user_and_a_csrf_token_and_sets_the_cookie(
    client: httpx2.Client,
) -> None:
    email = new_email()
    user = register(client, email)
    response = client.post(f"{AUTH}/login", json={"email": email, "password": PASSWORD})
    assert response.status_code == 200
    assert response.json() == {**user, "csrf_token": response.json()["csrf_token"]}
    cookie = session_cookie(response)[COOKIE]
    assert (cookie["httponly"], cookie["samesite"].lower(), cookie["path"]) == (True, "lax", "/")
    assert cookie["max-age"] == str(SETTINGS.session_max_age_seconds)
    assert not cookie["secure"]  # production only


def test_login_refuses_wrong_credentials_alike_then_throttles(client: httpx2.Client) -> None:
    email = new_email()
    register(client, email)
    answers = [
        client.post(f"{AUTH}/login", json={"email": address, "password": password})
        for address, password in (
            (email, "wrong password"),
            (new_email(), PASSWORD),
            (email, PASSWORD),
        )
    ]
    assert [answer.status_code for answer in answers] == [401, 401, 429]
    assert answers[0].json()["detail"] == answers[1].json()["detail"]
    assert answers[0].headers["WWW-Authenticate"] == "Session"
    assert "set-cookie" not in answers[0].headers
    assert int(answers[2].headers["Retry-After"]) >= 1


@pytest.mark.parametrize("csrf_token", [None, "wrong"])
def test_an_unsafe_request_without_the_csrf_token_is_forbidden(
    client: httpx2.Client, csrf_token: str | None
) -> None:
    answer = new_login(client)
    headers = {"Cookie": f"{COOKIE}={answer['session']}"}
    if csrf_token is not None:
        headers[CSRF_HEADER] = csrf_token
    assert client.get(f"{AUTH}/me", headers=headers).status_code == 200
    refused = client.post(f"{AUTH}/logout", headers=headers)
    assert refused.status_code == 403
    assert refused.headers["content-type"] == "application/problem+json"
    assert CSRF_HEADER in refused.json()["detail"]


def test_logout_ends_the_session_and_forgets_the_cookie(client: httpx2.Client) -> None:
    answer = new_login(client)
    headers = session_headers(answer["session"], answer["csrf_token"])
    logout = client.post(f"{AUTH}/logout", headers=headers)
    assert logout.status_code == 204
    assert session_cookie(logout)[COOKIE]["max-age"] == "0"
    gone = client.get(f"{AUTH}/me", headers=headers)
    assert (gone.status_code, gone.headers["WWW-Authenticate"]) == (401, "Session")


def test_a_login_ends_the_session_the_client_sent(client: httpx2.Client) -> None:
    email = new_email()
    register(client, email)
    before = login(client, email)["session"]
    again = client.post(
        f"{AUTH}/login",
        json={"email": email, "password": PASSWORD},
        headers={"Cookie": f"{COOKIE}={before}"},
    )
    assert session_cookie(again)[COOKIE].value != before
    assert client.get(f"{AUTH}/me", headers={"Cookie": f"{COOKIE}={before}"}).status_code == 401


@pytest.mark.parametrize(
    ("cookie", "detail"),
    [(None, "Authentication required"), (f"{COOKIE}=junk", "invalid or has expired")],
)
def test_the_session_check_wants_a_live_session(
    client: httpx2.Client, cookie: str | None, detail: str
) -> None:
    headers = {} if cookie is None else {"Cookie": cookie}
    refused = client.get(f"{AUTH}/me", headers=headers)
    assert (refused.status_code, refused.headers["WWW-Authenticate"]) == (401, "Session")
    assert refused.headers["content-type"] == "application/problem+json"
    assert detail in refused.json()["detail"]

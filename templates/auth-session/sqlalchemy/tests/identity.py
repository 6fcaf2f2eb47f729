"""Who the tests are: users who log in for a session cookie, as any client would."""

from http.cookies import SimpleCookie

import httpx2
import pytest

from tests.users import PASSWORD, new_email, register

# Users' passwords hash cheaply in this process (a plugin of the users layer).
pytest_plugins = ["tests.passwords"]

# What a served app needs to serve the e2e tests: each registers users of its
# own, all from one address, more than production lets one address register.
SERVER_SETTINGS = {"REGISTRATION_MAX_ATTEMPTS": "1000"}

COOKIE = "sessionid"
CSRF_HEADER = "X-CSRF-Token"


def session_cookie(response: httpx2.Response) -> SimpleCookie:
    """The session cookie a response sets, with its attributes."""
    cookie: SimpleCookie = SimpleCookie()
    for header in response.headers.get_list("set-cookie"):
        cookie.load(header)
    assert COOKIE in cookie, response.headers
    return cookie


def login(client: httpx2.Client, email: str, password: str = PASSWORD) -> dict[str, str]:
    """The login answer, with the session token as `session`; asserts it worked.

    The client's cookie jar is emptied again: every test says whose session a
    request carries, in its headers, so one client can act as several users.
    """
    response = client.post("/api/v1/auth/login", json={"email": email, "password": password})
    assert response.status_code == 200, response.text
    client.cookies.clear()
    answer: dict[str, str] = response.json()
    return {**answer, "session": session_cookie(response)[COOKIE].value}


def session_headers(session: str, csrf_token: str) -> dict[str, str]:
    """The cookie, and the CSRF token that unsafe methods need (harmless on the others)."""
    return {"Cookie": f"{COOKIE}={session}", CSRF_HEADER: csrf_token}


def login_headers(client: httpx2.Client, email: str, password: str = PASSWORD) -> dict[str, str]:
    """What a request sends to act as this (registered) user."""
    answer = login(client, email, password)
    return session_headers(answer["session"], answer["csrf_token"])


def new_user_headers(client: httpx2.Client) -> dict[str, str]:
    """Headers of a freshly registered, logged-in user."""
    email = new_email()
    register(client, email)
    return login_headers(client, email)


@pytest.fixture
def headers(client: httpx2.Client) -> dict[str, str]:
    """The session headers of a user of its own; `client` is the test layer's own."""
    return new_user_headers(client)

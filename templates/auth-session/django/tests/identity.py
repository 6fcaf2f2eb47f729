"""Who the tests are: users who log in for a session, as any client would.

A session is its cookie and its CSRF token. Both travel in the headers these
helpers return, never in the client's cookie jar, so one test can act as
several users at once, and as no one in between.
"""

from http.cookies import SimpleCookie

import httpx2
import pytest
from django.conf import LazySettings

from tests.users import PASSWORD, new_email, register

# Users' passwords hash cheaply in this process (a plugin of the users layer).
pytest_plugins = ["tests.passwords"]

# What a served app needs to serve the e2e tests: each registers users of its
# own, all from one address, more than production lets one address register.
SERVER_SETTINGS = {"REGISTRATION_MAX_ATTEMPTS": "1000"}

SESSION_COOKIE = "sessionid"
CSRF_HEADER = "X-CSRF-Token"


def login(client: httpx2.Client, email: str, password: str = PASSWORD) -> httpx2.Response:
    """A login's answer, its cookie left out of the client's jar; asserts it worked."""
    response = client.post("/api/v1/auth/login", json={"email": email, "password": password})
    assert response.status_code == 200, response.text
    client.cookies.delete(SESSION_COOKIE)
    return response


def session_cookie(response: httpx2.Response) -> str:
    """The session id a response sets."""
    cookies = SimpleCookie()
    for header in response.headers.get_list("set-cookie"):
        cookies.load(header)
    return cookies[SESSION_COOKIE].value


def session_headers(logged_in: httpx2.Response) -> dict[str, str]:
    """What a request sends to act in the session a login started."""
    return {
        "Cookie": f"{SESSION_COOKIE}={session_cookie(logged_in)}",
        CSRF_HEADER: logged_in.json()["csrf_token"],
    }


def login_headers(client: httpx2.Client, email: str, password: str = PASSWORD) -> dict[str, str]:
    """What a request sends to act as this (registered) user."""
    return session_headers(login(client, email, password))


def new_user_headers(client: httpx2.Client) -> dict[str, str]:
    """Headers of a freshly registered, logged-in user."""
    email = new_email()
    register(client, email)
    return login_headers(client, email)


@pytest.fixture
def headers(client: httpx2.Client) -> dict[str, str]:
    """The session of a user of its own; `client` is the test layer's own."""
    return new_user_headers(client)


@pytest.fixture(autouse=True)
def sessions_without_a_database(request: pytest.FixtureRequest, settings: LazySettings) -> None:
    """A test without the database keeps sessions in signed cookies.

    Pages that hand out a CSRF token (the docs page, the admin site's login)
    start a session, and the database is where sessions live otherwise.
    """
    if "db" not in request.fixturenames and request.node.get_closest_marker("django_db") is None:
        settings.SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"

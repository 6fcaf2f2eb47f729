%%% if auth=none
"""Who the tests are: nobody in particular, since this project has no users."""
%%% end
%%% if auth=jwt | auth=oauth
"""Who the tests are: users who log in for a bearer token, as any client would."""
%%% end
%%% if orm=sqlalchemy auth=session
"""Who the tests are: users who log in for a session cookie, as any client would."""
%%% end
%%% if orm=django auth=session
"""Who the tests are: users who log in for a session, as any client would.
%%% end

%%% if orm=django auth=session
A session is its cookie and its CSRF token. Both travel in the headers these
helpers return, never in the client's cookie jar, so one test can act as
several users at once, and as no one in between.
"""

%%% end
%%% if auth=session
from http.cookies import SimpleCookie

%%% end
import httpx2
import pytest
%%% if orm=django auth=session
from django.conf import LazySettings
%%% end

%%% if auth=none
# What a served app needs to serve the e2e tests: nothing special here.
SERVER_SETTINGS: dict[str, str] = {}
%%% end
%%% if auth=jwt | auth=session | auth=oauth
from tests.users import PASSWORD, new_email, register
%%% end

%%% if auth=jwt | auth=session | auth=oauth
# Users' passwords hash cheaply in this process (a plugin of the users layer).
pytest_plugins = ["tests.passwords"]
%%% end

%%% if auth=jwt | auth=session | auth=oauth
# What a served app needs to serve the e2e tests: each registers users of its
# own, all from one address, more than production lets one address register.
SERVER_SETTINGS = {"REGISTRATION_MAX_ATTEMPTS": "1000"}

%%% end
%%% if orm=sqlalchemy auth=session
COOKIE = "sessionid"
%%% end
%%% if orm=django auth=session
SESSION_COOKIE = "sessionid"
%%% end
%%% if auth=session
CSRF_HEADER = "X-CSRF-Token"
%%% end
%%% if auth=jwt | auth=session | auth=oauth

%%% end
%%% if auth=session

%%% end
%%% if orm=sqlalchemy auth=session
def session_cookie(response: httpx2.Response) -> SimpleCookie:
    """The session cookie a response sets, with its attributes."""
    cookie: SimpleCookie = SimpleCookie()
    for header in response.headers.get_list("set-cookie"):
        cookie.load(header)
    assert COOKIE in cookie, response.headers
    return cookie


%%% end
%%% if orm=sqlalchemy auth=jwt | orm=sqlalchemy auth=session | orm=sqlalchemy auth=oauth | orm=django auth=jwt | orm=django auth=oauth
def login(client: httpx2.Client, email: str, password: str = PASSWORD) -> dict[str, str]:
%%% end
%%% if auth=jwt | auth=oauth
    """The token pair of a login; asserts it worked."""
%%% end
%%% if orm=sqlalchemy auth=session
    """The login answer, with the session token as `session`; asserts it worked.

    The client's cookie jar is emptied again: every test says whose session a
    request carries, in its headers, so one client can act as several users.
    """
%%% end
%%% if orm=django auth=session
def login(client: httpx2.Client, email: str, password: str = PASSWORD) -> httpx2.Response:
    """A login's answer, its cookie left out of the client's jar; asserts it worked."""
%%% end
%%% if auth=jwt | auth=session | auth=oauth
    response = client.post("/api/v1/auth/login", json={"email": email, "password": password})
    assert response.status_code == 200, response.text
%%% end
%%% if auth=jwt | auth=oauth
    tokens: dict[str, str] = response.json()
    return tokens
%%% end
%%% if orm=sqlalchemy auth=session
    client.cookies.clear()
    answer: dict[str, str] = response.json()
    return {**answer, "session": session_cookie(response)[COOKIE].value}
%%% end
%%% if orm=django auth=session
    client.cookies.delete(SESSION_COOKIE)
    return response
%%% end
%%% if auth=jwt | auth=session | auth=oauth


%%% end
%%% if auth=jwt | auth=oauth
def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
%%% end
%%% if orm=sqlalchemy auth=session
def session_headers(session: str, csrf_token: str) -> dict[str, str]:
    """The cookie, and the CSRF token that unsafe methods need (harmless on the others)."""
    return {"Cookie": f"{COOKIE}={session}", CSRF_HEADER: csrf_token}
%%% end
%%% if orm=django auth=session
def session_cookie(response: httpx2.Response) -> str:
    """The session id a response sets."""
    cookies = SimpleCookie()
    for header in response.headers.get_list("set-cookie"):
        cookies.load(header)
    return cookies[SESSION_COOKIE].value
%%% end
%%% if auth=jwt | auth=session | auth=oauth


%%% end
%%% if orm=django auth=session
def session_headers(logged_in: httpx2.Response) -> dict[str, str]:
    """What a request sends to act in the session a login started."""
    return {
        "Cookie": f"{SESSION_COOKIE}={session_cookie(logged_in)}",
        CSRF_HEADER: logged_in.json()["csrf_token"],
    }


%%% end
%%% if auth=jwt | auth=session | auth=oauth
def login_headers(client: httpx2.Client, email: str, password: str = PASSWORD) -> dict[str, str]:
    """What a request sends to act as this (registered) user."""
%%% end
%%% if auth=jwt | auth=oauth
    return bearer(login(client, email, password)["access_token"])
%%% end
%%% if orm=sqlalchemy auth=session
    answer = login(client, email, password)
    return session_headers(answer["session"], answer["csrf_token"])
%%% end
%%% if orm=django auth=session
    return session_headers(login(client, email, password))
%%% end
%%% if auth=jwt | auth=session | auth=oauth


%%% end
def new_user_headers(client: httpx2.Client) -> dict[str, str]:
%%% if auth=none
    """Requests need no credentials here, on any client."""
    return {}
%%% end
%%% if auth=jwt | auth=session | auth=oauth
    """Headers of a freshly registered, logged-in user."""
    email = new_email()
    register(client, email)
    return login_headers(client, email)
%%% end


@pytest.fixture
%%% if auth=none
def headers() -> dict[str, str]:
    """Requests need no credentials here."""
    return {}
%%% end
%%% if auth=jwt | auth=session | auth=oauth
def headers(client: httpx2.Client) -> dict[str, str]:
%%% end
%%% if auth=jwt | auth=oauth
    """The bearer header of a user of its own; `client` is the test layer's own."""
%%% end
%%% if orm=sqlalchemy auth=session
    """The session headers of a user of its own; `client` is the test layer's own."""
%%% end
%%% if orm=django auth=session
    """The session of a user of its own; `client` is the test layer's own."""
%%% end
%%% if auth=jwt | auth=session | auth=oauth
    return new_user_headers(client)
%%% end

%%% if orm=django auth=session

@pytest.fixture(autouse=True)
def sessions_without_a_database(request: pytest.FixtureRequest, settings: LazySettings) -> None:
    """A test without the database keeps sessions in signed cookies.

    Pages that hand out a CSRF token (the docs page, the admin site's login)
    start a session, and the database is where sessions live otherwise.
    """
    if "db" not in request.fixturenames and request.node.get_closest_marker("django_db") is None:
        settings.SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"

%%% end
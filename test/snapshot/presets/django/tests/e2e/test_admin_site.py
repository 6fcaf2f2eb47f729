"""Django's admin site on the served app, in production settings, as a browser behind TLS uses it.

The load balancer ends TLS and says so in `X-Forwarded-Proto`; the cookies are
`Secure`, so this client, on plain HTTP, sends them itself, as the browser would.
"""

import re
import subprocess
import sys
from collections.abc import Iterator
from http.cookies import SimpleCookie
from pathlib import Path

import httpx2
import pytest

from tests.e2e.conftest import Server, command_env, http_client
from tests.identity import login_headers
from tests.users import PASSWORD, new_email, register

MANAGE_PY = Path(__file__).parents[2] / "manage.py"


class Browser:
    """A browser's view of the site over HTTPS: its cookies, its `Origin`."""

    def __init__(self, server: Server) -> None:
        self.client = http_client(server.url)
        self.origin = server.url.replace("http://", "https://")
        self.cookies = SimpleCookie()

    def request(
        self, method: str, path: str, data: dict[str, str] | None = None
    ) -> httpx2.Response:
        headers = {"X-Forwarded-Proto": "https", "Origin": self.origin}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={m.value}" for k, m in self.cookies.items())
        response = self.client.request(method, path, data=data, headers=headers)
        for header in response.headers.get_list("set-cookie"):
            self.cookies.load(header)
        return response

    def submit(self, path: str, form: dict[str, str]) -> httpx2.Response:
        """The form at `path`, filled in and sent with the page's CSRF token."""
        page = self.request("GET", path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        assert token is not None, page.text
        return self.request("POST", path, data={**form, "csrfmiddlewaretoken": token[1]})

    def log_in(self, email: str, password: str) -> httpx2.Response:
        return self.submit("/admin/login/?next=/admin/", {"username": email, "password": password})


@pytest.fixture
def browser(server: Server) -> Iterator[Browser]:
    browser = Browser(server)
    with browser.client:
        yield browser


@pytest.fixture(scope="module")
def admin(tmp_path_factory: pytest.TempPathFactory, server: Server) -> str:
    """The email of an admin made as Django makes one, with or without RBAC's `create-admin`.

    Made once for the module: `manage.py` is a process of its own, a second or so to start.
    """
    tmp_path = tmp_path_factory.mktemp("admin_site")
    email = new_email()
    env = command_env(
        tmp_path,
        DATABASE_URL=server.database_url,
        DJANGO_SUPERUSER_EMAIL=email,
        DJANGO_SUPERUSER_PASSWORD=PASSWORD,
    )
    made = subprocess.run(
        [sys.executable, str(MANAGE_PY), "createsuperuser", "--noinput"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert made.returncode == 0, made.stderr
    return email


def test_an_admin_logs_in_with_hardened_cookies_and_sees_the_changelists(
    admin: str, browser: Browser
) -> None:
    logged_in = browser.log_in(admin, PASSWORD)
    assert logged_in.status_code == 302, logged_in.text
    assert logged_in.headers["location"] == "/admin/"
    # The session's, and the CSRF token's unless the session holds that (session auth).
    assert "sessionid" in browser.cookies
    for cookie in browser.cookies.values():
        assert cookie["secure"]
        assert cookie["httponly"]
        assert cookie["samesite"] == "Lax"
    index = browser.request("GET", "/admin/")
    assert index.status_code == 200
    users = browser.request("GET", "/admin/accounts/user/")
    assert users.status_code == 200
    assert admin in users.text
    for changelist in set(re.findall(r'href="(/admin/\w+/\w+/)"', index.text)):
        assert browser.request("GET", changelist).status_code == 200, changelist


def test_an_admin_promotes_a_user(admin: str, client: httpx2.Client, browser: Browser) -> None:
    assert browser.log_in(admin, PASSWORD).status_code == 302
    email = new_email()
    user = register(client, email)
    change = f"/admin/accounts/user/{user['id']}/change/"
    promoted = browser.submit(change, {"email": email, "role": "admin"})
    assert promoted.status_code == 302, promoted.text
    me = client.get("/api/v1/auth/me", headers=login_headers(client, email))
    assert me.json()["role"] == "admin"


def test_the_admin_styles_are_served_by_the_app(server: Server) -> None:
    css = server.get("/static/admin/css/base.css")
    assert css.status_code == 200
    assert css.headers["content-type"].startswith("text/css")


def test_a_non_admin_and_a_wrong_password_are_refused(
    admin: str, client: httpx2.Client, browser: Browser
) -> None:
    user = new_email()
    register(client, user)
    for email, password in ((user, PASSWORD), (admin, "not the password")):
        refused = browser.log_in(email, password)
        assert refused.status_code == 200
        assert "correct email and password for a staff account" in refused.text
    assert browser.request("GET", "/admin/").status_code == 302


def test_a_form_without_its_csrf_token_is_refused(server: Server, browser: Browser) -> None:
    browser.request("GET", "/admin/login/")
    forged = browser.request("POST", "/admin/login/", data={"username": "a", "password": "b"})
    assert forged.status_code == 403

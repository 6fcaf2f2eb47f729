"""Django's admin site on the test database: admins log in and see every table; no one else."""

import re

import httpx2
import pytest
from django.conf import settings
from django.core.management import call_command

from acme_api.auth.models import User

from tests.identity import login_headers
from tests.users import PASSWORD, new_email

pytestmark = pytest.mark.django_db

# Users and every resource, each with its list of rows.
CHANGELISTS = {
    "/admin/accounts/user/",
    "/admin/items/item/",
}


def _submit(client: httpx2.Client, path: str, form: dict[str, str]) -> httpx2.Response:
    """The form at `path`, filled in as a browser does (with the page's CSRF token)."""
    page = client.get(path)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    assert token is not None, page.text
    return client.post(path, data={**form, "csrfmiddlewaretoken": token[1]})


def _log_in(client: httpx2.Client, email: str, password: str = PASSWORD) -> httpx2.Response:
    return _submit(client, "/admin/login/?next=/admin/", {"username": email, "password": password})


def _admin(email: str) -> User:
    return User.objects.create_user(email=email, password=PASSWORD, role="admin")


def test_an_admin_logs_in_and_sees_the_changelists(client: httpx2.Client) -> None:
    email = new_email()
    admin = _admin(email)
    # The email as typed, in any case: it is looked up in its stored form.
    logged_in = _log_in(client, email.upper())
    assert logged_in.status_code == 302
    assert logged_in.headers["location"] == "/admin/"
    index = client.get("/admin/")
    assert index.status_code == 200
    changelists = set(re.findall(r'href="(/admin/\w+/\w+/)"', index.text))
    assert changelists >= CHANGELISTS
    for changelist in changelists:
        assert client.get(changelist).status_code == 200, changelist
    assert email in client.get("/admin/accounts/user/").text
    change = client.get(f"/admin/accounts/user/{admin.pk}/change/")
    assert change.status_code == 200
    assert 'name="password"' not in change.text
    assert client.get("/admin/accounts/user/add/").status_code == 403


def test_createsuperuser_makes_an_admin(
    client: httpx2.Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    email = new_email()
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", PASSWORD)
    call_command("createsuperuser", "--no-input", "--email", email.upper(), verbosity=0)
    assert User.objects.get(email=email).role == "admin"
    assert _log_in(client, email).status_code == 302


%%% if auth=jwt | auth=oauth
def test_the_session_does_not_authenticate_the_api(client: httpx2.Client) -> None:
%%% end
%%% if auth=session
def test_the_session_is_the_apis_too_with_its_csrf_token(client: httpx2.Client) -> None:
%%% end
    email = new_email()
    _admin(email)
    assert _log_in(client, email).status_code == 302
%%% if auth=jwt | auth=oauth
    assert client.get("/api/v1/auth/me").status_code == 401
    # The bearer token still does.
%%% end
%%% if auth=session
    assert client.get("/api/v1/auth/me").json()["email"] == email
    # An unsafe method needs the token that only the API's login hands out.
    assert client.post("/api/v1/auth/logout").status_code == 403
%%% end
    assert client.get("/api/v1/auth/me", headers=login_headers(client, email)).status_code == 200


@pytest.mark.parametrize("role", ["user", "admin"])
def test_a_non_admin_and_a_wrong_password_are_refused(client: httpx2.Client, role: str) -> None:
    email = new_email()
    User.objects.create_user(email=email, password=PASSWORD, role=role)
    password = PASSWORD if role == "user" else "not the password"
    refused = _log_in(client, email, password)
    assert refused.status_code == 200
    assert "correct email and password for a staff account" in refused.text
    assert client.get("/admin/").status_code == 302


def test_the_login_page_is_throttled_as_the_api_login_is(client: httpx2.Client) -> None:
    email = new_email()
    _admin(email)
    for _ in range(settings.ENV.login_max_attempts):
        assert _log_in(client, email, "not the password").status_code == 200
    # Even the right password, until the window has passed.
    assert _log_in(client, email).status_code == 200
    assert client.get("/admin/").status_code == 302


def test_an_admin_promotes_a_user_but_the_last_admin_stays(client: httpx2.Client) -> None:
    email = new_email()
    admin = _admin(email)
    user = User.objects.create_user(email=new_email(), password=PASSWORD)
    assert _log_in(client, email).status_code == 302
    change = f"/admin/accounts/user/{user.pk}/change/"
    promoted = _submit(client, change, {"email": user.email.upper(), "role": "admin"})
    assert promoted.status_code == 302
    user.refresh_from_db()
    assert user.role == "admin"
    # Stored as registration stores it: the user logs in as before.
    assert user.email == user.email.lower()
    # Two admins: one may step down, and then the other is the last.
    stepped_down = _submit(client, change, {"email": user.email, "role": "user"})
    assert stepped_down.status_code == 302
    last_admin = f"/admin/accounts/user/{admin.pk}/change/"
    last = _submit(client, last_admin, {"email": email, "role": "user"})
    assert last.status_code == 200
    assert "The last admin cannot be demoted." in last.text
    admin.refresh_from_db()
    assert admin.role == "admin"

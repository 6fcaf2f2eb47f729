"""Django's admin site without a database: its login page, and who the role lets in."""

import pytest
from django.contrib import admin
from django.test import RequestFactory

from acme_api.auth.admin import UserAdmin, UserForm
from acme_api.auth.backends import ThrottledLoginBackend
from acme_api.auth.models import User

from tests.app_client import app_client


def test_the_login_page_answers_and_the_site_sends_strangers_there() -> None:
    with app_client() as client:
        page = client.get("/admin/login/")
        assert page.status_code == 200
        assert 'name="csrfmiddlewaretoken"' in page.text
        index = client.get("/admin/")
    assert index.status_code == 302
    assert index.headers["location"] == "/admin/login/?next=/admin/"


@pytest.mark.parametrize(("role", "allowed"), [("admin", True), ("user", False)])
def test_the_role_alone_makes_staff_with_every_permission(role: str, allowed: bool) -> None:
    user = User(email="someone@example.com", role=role)
    assert user.is_staff is allowed
    assert user.has_perm("accounts.delete_user") is allowed
    assert user.has_module_perms("accounts") is allowed


def test_a_deactivated_admin_may_do_nothing() -> None:
    user = User(email="someone@example.com", role="admin")
    user.is_active = False
    assert not user.has_perm("accounts.view_user")
    assert not user.has_module_perms("accounts")


def test_users_are_not_added_here_and_promoting_needs_no_other_admin() -> None:
    request = RequestFactory().get("/admin/accounts/user/add/")
    assert not UserAdmin(User, admin.site).has_add_permission(request)
    form = UserForm(instance=User(email="someone@example.com", role="user"))
    form.cleaned_data = {"email": "Someone@Example.COM", "role": "admin"}
    assert form.clean_email() == "someone@example.com"
    assert form.clean_role() == "admin"


def test_the_login_backend_checks_nothing_without_credentials() -> None:
    assert ThrottledLoginBackend().authenticate(None) is None
    assert ThrottledLoginBackend().authenticate(None, username="someone@example.com") is None

"""Roles and the admin API with no database: who may do what, and what a change may be.

The users here are unsaved model instances; where the command would reach the
database, the function it calls is replaced, so what is tested is its own work.
"""

from typing import Any, cast

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from rest_framework.test import APIRequestFactory, force_authenticate

from acme_api.admin import commands
from acme_api.admin.access import requires
from acme_api.admin.permissions import Permission, has_permission
from acme_api.admin.serializers import RoleChangeSerializer
from acme_api.admin.views import UserListView, UserRoleView, check_role_change
from acme_api.auth.models import User
from acme_api.auth.ownership import visible_rows
from acme_api.cli import main
from acme_api.core import setup
from acme_api.core.errors import ConflictError

factory = APIRequestFactory()


def a_user(role: str = "user", **fields: Any) -> User:
    return User(**{"id": 7, "email": "someone@example.com", "role": role, **fields})


def test_an_admin_has_every_permission_and_a_user_none() -> None:
    assert all(has_permission(a_user("admin"), p) for p in Permission)
    assert not any(has_permission(a_user("user"), p) for p in Permission)


def test_an_unknown_role_grants_nothing() -> None:
    assert not has_permission(a_user("root"), Permission.MANAGE_USERS)


@pytest.mark.parametrize(
    ("user", "allowed"),
    [(a_user("admin"), True), (a_user("user"), False), (AnonymousUser(), False)],
    ids=["admin", "user", "anonymous"],
)
def test_requires_lets_in_the_roles_that_grant_it(user: Any, allowed: bool) -> None:
    request = factory.get("/")
    request.user = user
    permission = requires(Permission.MANAGE_USERS)()
    assert permission.has_permission(request, UserListView()) is allowed


def test_a_permission_class_is_named_for_its_permission() -> None:
    assert requires(Permission.MANAGE_USERS).__name__ == "RequiresManageUsers"


class RecordingRows:
    """Stands for a queryset: records any filter a caller narrows it with."""

    def __init__(self) -> None:
        self.filters: list[dict[str, object]] = []

    def filter(self, **conditions: object) -> "RecordingRows":
        self.filters.append(conditions)
        return self


def test_an_admin_sees_every_row() -> None:
    rows = RecordingRows()
    seen: object = visible_rows(cast("QuerySet[Any]", rows), a_user("admin"))
    assert seen is rows
    assert rows.filters == []


@pytest.mark.parametrize("role", ["user", "admin"])
def test_a_role_change_takes_a_known_role(role: str) -> None:
    body = RoleChangeSerializer(data={"role": role})
    assert body.is_valid(), body.errors
    assert body.validated_data == {"role": role}


@pytest.mark.parametrize(
    ("data", "field"),
    [({"role": "root"}, "role"), ({}, "role"), ({"role": "user", "email": "x@y.z"}, "email")],
    ids=["unknown-role", "missing", "unknown-field"],
)
def test_a_role_change_refuses_anything_else(data: dict[str, object], field: str) -> None:
    body = RoleChangeSerializer(data=data)
    assert not body.is_valid()
    assert list(body.errors) == [field]


def test_the_last_admin_cannot_be_demoted() -> None:
    with pytest.raises(ConflictError, match="last admin"):
        check_role_change(a_user("admin"), "user", admins=1)


@pytest.mark.parametrize(
    ("role", "new_role", "admins"),
    [("admin", "user", 2), ("admin", "admin", 1), ("user", "admin", 1), ("user", "user", 0)],
)
def test_any_other_role_change_is_allowed(role: str, new_role: str, admins: int) -> None:
    check_role_change(a_user(role), new_role, admins)


def patch_role(user: Any, user_id: str, body: dict[str, object]) -> Any:
    request = factory.patch(f"/api/v1/admin/users/{user_id}", body, format="json")
    force_authenticate(request, user=user)
    return UserRoleView.as_view()(request, user_id=user_id)


def test_only_admins_may_change_roles() -> None:
    assert patch_role(a_user("user"), "7", {"role": "admin"}).status_code == 403


@pytest.mark.parametrize(
    ("user_id", "body", "field"),
    [
        ("abc", {"role": "user"}, "user_id"),
        ("9223372036854775808", {"role": "user"}, "user_id"),
        ("7", {"role": "root"}, "role"),
    ],
    ids=["not-a-number", "past-64-bits", "unknown-role"],
)
def test_a_bad_role_change_is_422_naming_the_field(
    user_id: str, body: dict[str, object], field: str
) -> None:
    response = patch_role(a_user("admin"), user_id, body)
    assert response.status_code == 422
    assert [e["field"] for e in response.data["errors"]] == [field]


def test_listing_users_needs_an_admin() -> None:
    request = factory.get("/api/v1/admin/users")
    force_authenticate(request, user=a_user("user"))
    assert UserListView.as_view()(request).status_code == 403
    assert UserListView.as_view()(factory.get("/api/v1/admin/users")).status_code == 401


def test_create_admin_logs_what_was_done_never_the_password(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(setup, "configure_django", lambda: None)
    calls: list[tuple[str, str]] = []

    def create_admin(email: str, password: str) -> str:
        calls.append((email, password))
        return "created"

    monkeypatch.setattr(commands, "create_admin", create_admin)
    assert main(["create-admin", "--email", "Boss@Example.com", "--password", "long enough"]) == 0
    assert calls == [("Boss@Example.com", "long enough")]
    logged = capsys.readouterr().err
    assert "admin created: boss@example.com" in logged
    assert "long enough" not in logged


def test_create_admin_refuses_bad_credentials(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(setup, "configure_django", lambda: None)
    monkeypatch.setattr(commands, "create_admin", lambda *_: pytest.fail("admin created"))
    assert main(["create-admin", "--email", "not an email", "--password", "short"]) == 1
    assert "create-admin: email: " in capsys.readouterr().err

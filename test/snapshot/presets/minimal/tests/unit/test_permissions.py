"""Roles -> permissions, the admin routes called directly, and `create-admin`."""

from pathlib import Path

import pytest
from fastapi import HTTPException
from sqlalchemy.orm import Session

from acme_api.admin import routes
from acme_api.admin.commands import create_admin
from acme_api.admin.dependencies import require
from acme_api.admin.permissions import ROLE_PERMISSIONS, Permission, has_permission
from acme_api.admin.schemas import RoleChange
from acme_api.auth.models import User
from acme_api.core.db import Database
from acme_api.core.pagination import PageParams
from acme_api.core.settings import Settings

from tests.app_client import create_tables
from tests.users import new_email


def test_only_admins_hold_permissions() -> None:
    assert ROLE_PERMISSIONS["user"] == frozenset()
    assert ROLE_PERMISSIONS["admin"] == frozenset(Permission)
    assert has_permission(User(role="admin"), Permission.MANAGE_USERS)
    assert not has_permission(User(role="user"), Permission.MANAGE_USERS)
    assert not has_permission(User(role="retired"), Permission.MANAGE_USERS)


def test_users_are_forbidden_what_admins_may_do() -> None:
    admin, user = User(role="admin"), User(role="user")
    assert require(Permission.MANAGE_USERS)(admin) is admin
    with pytest.raises(HTTPException) as forbidden:
        require(Permission.MANAGE_USERS)(user)
    assert forbidden.value.status_code == 403


def test_admins_list_users_and_change_roles_but_keep_one_admin(session: Session) -> None:
    users = routes.users(session)
    boss = users.add(User(email=new_email(), password_hash="not a real hash", role="admin"))
    worker = users.add(User(email=new_email(), password_hash="not a real hash"))
    page = routes.list_users(users, PageParams(limit=1, offset=1))
    assert ([row.id for row in page.items], page.total) == ([worker.id], 2)
    assert routes.change_role(worker.id, RoleChange(role="admin"), users).role == "admin"
    assert routes.change_role(worker.id, RoleChange(role="user"), users).role == "user"
    for user_id, status in ((boss.id, 409), (worker.id + 1000, 404)):
        with pytest.raises(HTTPException) as refused:
            routes.change_role(user_id, RoleChange(role="user"), users)
        assert refused.value.status_code == status


def test_create_admin_creates_then_promotes(tmp_path: Path) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'admins.db'}")
    database = Database(settings.database_url)
    create_tables(database)
    database.dispose()
    assert create_admin(settings, "Boss@Example.com", "a long password") == "created"
    assert create_admin(settings, "boss@example.com", "ignored password").startswith("promoted")

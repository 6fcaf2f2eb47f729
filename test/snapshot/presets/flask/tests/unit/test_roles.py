"""Roles -> permissions, and `create-admin`: the rules, whatever serves them."""

from pathlib import Path

from acme_api.admin.commands import create_admin
from acme_api.admin.permissions import ROLE_PERMISSIONS, Permission, has_permission
from acme_api.auth.models import User
from acme_api.core.db import Database
from acme_api.core.settings import Settings

from tests.app_client import create_tables


def test_only_admins_hold_permissions() -> None:
    assert ROLE_PERMISSIONS["user"] == frozenset()
    assert ROLE_PERMISSIONS["admin"] == frozenset(Permission)
    assert has_permission(User(role="admin"), Permission.MANAGE_USERS)
    assert not has_permission(User(role="user"), Permission.MANAGE_USERS)
    assert not has_permission(User(role="retired"), Permission.MANAGE_USERS)


def test_create_admin_creates_then_promotes(tmp_path: Path) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'admins.db'}")
    database = Database(settings.database_url)
    create_tables(database)
    database.dispose()
    assert create_admin(settings, "Boss@Example.com", "a long password") == "created"
    assert create_admin(settings, "boss@example.com", "ignored password").startswith("promoted")

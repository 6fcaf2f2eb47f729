"""Roles -> permissions, the admin endpoints and `create-admin`, on in-memory databases."""

from collections.abc import Iterator
from pathlib import Path

import httpx2
import pytest

from acme_api.admin.commands import create_admin
from acme_api.admin.permissions import ROLE_PERMISSIONS, Permission, has_permission
from acme_api.auth.models import User
from acme_api.core.db import IN_MEMORY, Database
from acme_api.core.settings import Settings

from tests.app_client import app_client, create_tables
from tests.identity import new_user_headers


def test_only_admins_hold_permissions() -> None:
    assert ROLE_PERMISSIONS["user"] == frozenset()
    assert ROLE_PERMISSIONS["admin"] == frozenset(Permission)
    assert has_permission(User(role="admin"), Permission.MANAGE_USERS)
    assert not has_permission(User(role="user"), Permission.MANAGE_USERS)
    assert not has_permission(User(role="retired"), Permission.MANAGE_USERS)


@pytest.fixture
def client() -> Iterator[httpx2.Client]:
    with app_client(Settings(database_url=IN_MEMORY)) as client:
        yield client


def test_users_are_forbidden_the_admin_endpoints(client: httpx2.Client) -> None:
    headers = new_user_headers(client)
    response = client.get("/api/v1/admin/users", headers=headers)
    assert response.status_code == 403
    assert response.headers["content-type"] == "application/problem+json"
    promote = client.patch("/api/v1/admin/users/1", json={"role": "admin"}, headers=headers)
    assert promote.status_code == 403


def test_create_admin_creates_then_promotes(tmp_path: Path) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'admins.db'}")
    database = Database(settings.database_url)
    create_tables(database)
    database.dispose()
    assert create_admin(settings, "Boss@Example.com", "a long password") == "created"
    assert create_admin(settings, "boss@example.com", "ignored password").startswith("promoted")

"""The permission dependency and the admin routes, called directly."""

import asyncio

import pytest
from fastapi import HTTPException
from sqlalchemy.orm import Session

from acme_api.admin import routes
from acme_api.admin.dependencies import require
from acme_api.admin.permissions import Permission
from acme_api.admin.schemas import RoleChange
from acme_api.auth.models import User
from acme_api.core.pagination import PageParams

from tests.users import new_email


def test_users_are_forbidden_what_admins_may_do() -> None:
    admin, user = User(role="admin"), User(role="user")
    assert asyncio.run(require(Permission.MANAGE_USERS)(admin)) is admin
    with pytest.raises(HTTPException) as forbidden:
        asyncio.run(require(Permission.MANAGE_USERS)(user))
    assert forbidden.value.status_code == 403


def test_admins_list_users_and_change_roles_but_keep_one_admin(session: Session) -> None:
    users = asyncio.run(routes.users(session))
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

"""Roles -> permissions, in this one place, and the one dependency that checks them."""

from collections.abc import Callable, Mapping
from enum import StrEnum

from fastapi import HTTPException, status

from ..auth.current import CurrentUser
from ..auth.models import User
from ..auth.roles import Role


class Permission(StrEnum):
    ACCESS_ALL_ROWS = "rows:all"  # read, change and delete every user's rows
    MANAGE_USERS = "users:manage"  # list users and change their roles


ROLE_PERMISSIONS: Mapping[Role, frozenset[Permission]] = {
    "user": frozenset(),
    "admin": frozenset(Permission),
}


def has_permission(user: User, permission: Permission) -> bool:
    # A role missing from the table (say, from an old row) grants nothing.
    return permission in ROLE_PERMISSIONS.get(user.role, frozenset())  # type: ignore[call-overload]


def require(permission: Permission) -> Callable[[User], User]:
    """A dependency: the current user if they have `permission`, else 403."""

    def dependency(user: CurrentUser) -> User:
        if not has_permission(user, permission):
            raise HTTPException(status.HTTP_403_FORBIDDEN, "You are not allowed to do this.")
        return user

    return dependency

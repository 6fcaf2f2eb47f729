"""Roles -> permissions, in this one place."""

from collections.abc import Mapping
from enum import StrEnum

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

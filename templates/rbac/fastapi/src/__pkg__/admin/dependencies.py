"""The one FastAPI dependency that checks a permission."""

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import HTTPException, status

from ..auth.current import CurrentUser
from ..auth.models import User
from .permissions import Permission, has_permission


def require(permission: Permission) -> Callable[[User], Coroutine[Any, Any, User]]:
    """A dependency: the current user if they have `permission`, else 403.

    `async def`: the check reads the loaded user only, so it costs no thread hop.
    """

    async def dependency(user: CurrentUser) -> User:
        if not has_permission(user, permission):
            raise HTTPException(status.HTTP_403_FORBIDDEN, "You are not allowed to do this.")
        return user

    return dependency

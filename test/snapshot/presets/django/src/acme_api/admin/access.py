"""The one mechanism that checks a permission: a DRF permission class per permission."""

from typing import Any

from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.views import APIView

from ..auth.models import User
from .permissions import Permission, has_permission


def requires(permission: Permission) -> type[BasePermission]:
    """A permission class that lets in authenticated users whose role grants `permission`."""

    class Requires(BasePermission):
        message = "You are not allowed to do this."

        def has_permission(self, request: Request, view: APIView) -> bool:
            user: Any = request.user
            return isinstance(user, User) and has_permission(user, permission)

    Requires.__name__ = f"Requires{permission.name.title().replace('_', '')}"
    return Requires

"""Whose rows a request may see: its user's own, or every row for an admin."""

from typing import TypeVar

from django.db.models import Model, QuerySet

from ..admin.permissions import Permission, has_permission
from .models import User

M = TypeVar("M", bound=Model)


def visible_rows(queryset: QuerySet[M], user: User) -> QuerySet[M]:
    """The rows of `queryset` this user may read, change and delete."""
    if has_permission(user, Permission.ACCESS_ALL_ROWS):
        return queryset
    return queryset.filter(owner=user)

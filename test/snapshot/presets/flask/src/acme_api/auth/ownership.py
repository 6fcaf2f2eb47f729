"""Whose rows a request may see: its own user's, or everyone's with ACCESS_ALL_ROWS."""

from dataclasses import dataclass

from ..admin.permissions import Permission, has_permission
from .models import User


@dataclass(frozen=True)
class Owner:
    user: User
    sees_everyone: bool = False

    @property
    def owner_id(self) -> int | None:
        """The owner to filter rows by; None means every owner's rows."""
        return None if self.sees_everyone else self.user.id


def owner_of(user: User) -> Owner:
    """The rows `user` may see, as the web layer hands them to repositories."""
    return Owner(user, sees_everyone=has_permission(user, Permission.ACCESS_ALL_ROWS))

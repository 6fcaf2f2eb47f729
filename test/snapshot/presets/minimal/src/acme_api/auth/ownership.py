"""Whose rows a request may see: its own user's, or everyone's with ACCESS_ALL_ROWS."""

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends

from ..admin.permissions import Permission, has_permission
from .current import CurrentUser
from .models import User


@dataclass(frozen=True)
class Owner:
    user: User
    sees_everyone: bool = False

    @property
    def owner_id(self) -> int | None:
        """The owner to filter rows by; None means every owner's rows."""
        return None if self.sees_everyone else self.user.id


def current_owner(user: CurrentUser) -> Owner:
    return Owner(user, sees_everyone=has_permission(user, Permission.ACCESS_ALL_ROWS))


OwnerDep = Annotated[Owner, Depends(current_owner)]

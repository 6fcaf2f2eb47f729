%%% if orm=sqlalchemy rbac=false
"""Whose rows a request may see: its own user's."""
%%% end
%%% if orm=sqlalchemy rbac=true
"""Whose rows a request may see: its own user's, or everyone's with ACCESS_ALL_ROWS."""
%%% end
%%% if orm=django rbac=false
"""Whose rows a request may see: its user's own."""
%%% end
%%% if orm=django rbac=true
"""Whose rows a request may see: its user's own, or every row for an admin."""
%%% end

%%% if orm=sqlalchemy
from dataclasses import dataclass
%%% end
%%% if orm=django
from typing import TypeVar
%%% end

%%% if orm=sqlalchemy rbac=true
from ..admin.permissions import Permission, has_permission
%%% end
%%% if orm=django
from django.db.models import Model, QuerySet

%%% end
%%% if orm=django rbac=true
from ..admin.permissions import Permission, has_permission
%%% end
from .models import User

%%% if orm=django
M = TypeVar("M", bound=Model)
%%% end

%%% if orm=sqlalchemy
@dataclass(frozen=True)
class Owner:
    user: User
    sees_everyone: bool = False
%%% end

%%% if orm=sqlalchemy
    @property
    def owner_id(self) -> int | None:
        """The owner to filter rows by; None means every owner's rows."""
        return None if self.sees_everyone else self.user.id
%%% end
%%% if orm=django
def visible_rows(queryset: QuerySet[M], user: User) -> QuerySet[M]:
    """The rows of `queryset` this user may read, change and delete."""
%%% end
%%% if orm=django rbac=true
    if has_permission(user, Permission.ACCESS_ALL_ROWS):
        return queryset
%%% end
%%% if orm=django
    return queryset.filter(owner=user)
%%% end

%%% if orm=sqlalchemy

def owner_of(user: User) -> Owner:
    """The rows `user` may see, as the web layer hands them to repositories."""
%%% end
%%% if orm=sqlalchemy rbac=false
    return Owner(user, sees_everyone=False)
%%% end
%%% if orm=sqlalchemy rbac=true
    return Owner(user, sees_everyone=has_permission(user, Permission.ACCESS_ALL_ROWS))
%%% end
%%% if orm=sqlalchemy

%%% end
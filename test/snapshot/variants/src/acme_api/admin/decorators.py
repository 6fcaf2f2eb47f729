"""The one Flask decorator that checks a permission."""

from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

from apiflask import HTTPError

from ..auth.current import current_user
from .permissions import Permission, has_permission

P = ParamSpec("P")
R = TypeVar("R")


def require(permission: Permission) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Under `auth_required`: the view runs if the current user has `permission`, else 403.

    It checks before the body is validated, so a caller who may not do this
    learns only that (403), not what a valid request would be.
    """

    def decorate(view: Callable[P, R]) -> Callable[P, R]:
        @wraps(view)
        def guarded(*args: P.args, **kwargs: P.kwargs) -> R:
            if not has_permission(current_user(), permission):
                raise HTTPError(403, "You are not allowed to do this.")
            return view(*args, **kwargs)

        return guarded

    return decorate

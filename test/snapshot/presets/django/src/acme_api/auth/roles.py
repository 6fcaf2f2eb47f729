"""The roles a user can have: every user starts as `user`."""

from typing import Literal, get_args

Role = Literal["user", "admin"]
ROLES: tuple[Role, ...] = get_args(Role)
DEFAULT_ROLE: Role = "user"

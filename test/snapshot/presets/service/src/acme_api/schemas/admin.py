"""Bodies of `/api/v1/admin`."""

from ..inputs import Input
from ..roles import Role


class RoleChange(Input):
    role: Role

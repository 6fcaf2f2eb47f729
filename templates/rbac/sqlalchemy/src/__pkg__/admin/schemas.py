"""Bodies of `/api/v1/admin`."""

from ..auth.roles import Role
from ..core.inputs import Input


class RoleChange(Input):
    role: Role

"""Bodies of `/api/v1/admin`."""

from pydantic import BaseModel, ConfigDict

from ..roles import Role


class RoleChange(BaseModel):
    model_config = ConfigDict(extra="forbid")

    role: Role

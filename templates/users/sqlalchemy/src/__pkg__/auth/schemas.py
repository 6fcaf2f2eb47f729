"""Bodies of `/api/v1/auth`: what a client sends to register and log in, and who it is."""

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, EmailStr, Field, field_validator

from ..core.inputs import Input
from .emails import normalize_email
from .roles import Role

# Long enough for any passphrase, short enough that hashing it stays cheap.
Password = Annotated[str, Field(min_length=8, max_length=1024)]


class Registration(Input):
    email: EmailStr
    password: Password

    @field_validator("email", mode="before")
    @classmethod
    def _normalized(cls, value: object) -> object:
        # Before validation, so the address checked is the one stored.
        return normalize_email(value) if isinstance(value, str) else value


class Credentials(Input):
    """Login: not validated beyond type and size, so a bad email is the same 401 as a wrong one."""

    email: Annotated[str, Field(max_length=320)]
    password: Annotated[str, Field(max_length=1024)]


class UserRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    email: str
    role: Role
    created_at: datetime

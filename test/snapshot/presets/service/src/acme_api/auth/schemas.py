"""Bodies of `/api/v1/auth`: what a client sends to register and log in, and gets back."""

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field, field_validator

from ..core.inputs import Input
from .roles import Role

# Long enough for any passphrase, short enough that hashing it stays cheap.
Password = Annotated[str, Field(min_length=8, max_length=1024)]


class Registration(Input):
    email: EmailStr
    password: Password

    @field_validator("email")
    @classmethod
    def _lower_case(cls, value: str) -> str:
        return value.lower()


class Credentials(Input):
    """Login: not validated beyond type and size, so a bad email is the same 401 as a wrong one."""

    email: Annotated[str, Field(max_length=320)]
    password: Annotated[str, Field(max_length=1024)]


class RefreshRequest(Input):
    refresh_token: Annotated[str, Field(max_length=4096)]


class TokenPair(BaseModel):
    access_token: str
    refresh_token: str
    token_type: Literal["bearer"] = "bearer"  # noqa: S105 - a scheme name, not a secret
    expires_in: int = Field(description="Seconds until the access token expires")


class UserRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    email: str
    role: Role
    created_at: datetime

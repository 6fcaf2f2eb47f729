"""Bodies of the token endpoints: a refresh token sent, a token pair returned."""

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from ...core.inputs import Input


class RefreshRequest(Input):
    refresh_token: Annotated[str, Field(max_length=4096)]


class TokenPair(BaseModel):
    access_token: str
    refresh_token: str
    token_type: Literal["bearer"] = "bearer"  # noqa: S105 - a scheme name, not a secret
    expires_in: int = Field(description="Seconds until the access token expires")

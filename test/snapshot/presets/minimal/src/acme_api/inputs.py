"""What every request body shares: unknown fields refused, and no NUL characters.

A NUL cannot be stored in a PostgreSQL text column, and is never meant in an
API's text: refusing it here makes it a 422 on every database, not a 500.
"""

from pydantic import BaseModel, ConfigDict, field_validator


class Input(BaseModel):
    """The base of request bodies: strict, so a typo or a server-owned field is a 422."""

    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="after")
    @classmethod
    def _no_nul_characters(cls, value: object) -> object:
        if isinstance(value, str) and "\x00" in value:
            msg = "must not contain NUL characters"
            raise ValueError(msg)
        return value

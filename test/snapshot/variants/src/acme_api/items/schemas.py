"""Bodies of `/api/v1/items`.

Input is strict: a typo or a server-owned field is a 422.
"""

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic.json_schema import SkipJsonSchema

from ..core.inputs import Input


class ItemCreate(Input):
    title: str = Field(min_length=1, max_length=200)
    description: str | None = Field(default=None, max_length=2000)


class ItemUpdate(Input):
    """Any subset of the create fields; only the fields sent are changed.

    A field that is NOT NULL may be left out but not set to null: the schema does
    not offer null, the validator below refuses it, and changes are taken with
    `exclude_unset`, so the None default is never written.
    """

    title: str | SkipJsonSchema[None] = Field(default=None, min_length=1, max_length=200)
    description: str | None = Field(default=None, max_length=2000)

    @field_validator("title", mode="before")
    @classmethod
    def _required_fields_are_not_null(cls, value: object) -> object:
        # Defaults are not validated, so this sees only fields the client sent.
        if value is None:
            msg = "may be left out, but not set to null"
            raise ValueError(msg)
        return value


class ItemRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    title: str
    description: str | None
%%% if auth=jwt | auth=session | auth=oauth
    owner_id: int
%%% end
    created_at: datetime
    updated_at: datetime

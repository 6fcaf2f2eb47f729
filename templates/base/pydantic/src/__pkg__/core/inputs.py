"""What every request body shares: unknown fields refused, and no NUL characters.

A NUL cannot be stored in a PostgreSQL text column, and is never meant in an
API's text: refusing it here makes it a 422 on every database, not a 500. The
OpenAPI document says so too (a pattern on every text field), so clients and
schema-driven tests know before they send one.
"""

from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator

# Any text without a NUL character, as JSON Schema (and OpenAPI 3.1) spell it.
NO_NUL_PATTERN = "^[^\\u0000]*$"


def _document_no_nul(schema: dict[str, Any]) -> None:
    for field in schema.get("properties", {}).values():
        for variant in [field, *field.get("anyOf", [])]:
            if variant.get("type") == "string":
                variant.setdefault("pattern", NO_NUL_PATTERN)


class Input(BaseModel):
    """The base of request bodies: strict, so a typo or a server-owned field is a 422."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=_document_no_nul)

    @field_validator("*", mode="after")
    @classmethod
    def _no_nul_characters(cls, value: object) -> object:
        if isinstance(value, str) and "\x00" in value:
            msg = "must not contain NUL characters"
            raise ValueError(msg)
        return value

%%% if orm=sqlalchemy
"""What every request body shares: unknown fields refused, and no NUL characters.
%%% end
%%% if orm=django
"""What every request body shares: a JSON object, and unknown or server-owned fields refused."""
%%% end

%%% if orm=sqlalchemy
A NUL cannot be stored in a PostgreSQL text column, and is never meant in an
API's text: refusing it here makes it a 422 on every database, not a 500. The
OpenAPI document says so too (a pattern on every text field), so clients and
schema-driven tests know before they send one.
"""

%%% end
%%% if orm=django
from collections.abc import Mapping
%%% end
from typing import Any

%%% if orm=sqlalchemy
from pydantic import BaseModel, ConfigDict, field_validator
%%% end
%%% if orm=django
from django.db import models
from django.utils import timezone
from rest_framework import serializers
from rest_framework.validators import UniqueValidator
%%% end

%%% if orm=sqlalchemy
# Any text without a NUL character, as JSON Schema (and OpenAPI 3.1) spell it.
NO_NUL_PATTERN = "^[^\\u0000]*$"
%%% end

%%% if orm=django
class StrictCharField(serializers.CharField):
    """Text only: DRF would turn a number or a boolean into its string."""
%%% end

%%% if orm=sqlalchemy
def _document_no_nul(schema: dict[str, Any]) -> None:
    for field in schema.get("properties", {}).values():
        for variant in [field, *field.get("anyOf", [])]:
            if variant.get("type") == "string":
                variant.setdefault("pattern", NO_NUL_PATTERN)
%%% end
%%% if orm=django
    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)
%%% end


%%% if orm=sqlalchemy
class Input(BaseModel):
    """The base of request bodies: strict, so a typo or a server-owned field is a 422."""
%%% end
%%% if orm=django
class StrictDateTimeField(serializers.DateTimeField):
    """A moment with its offset: a naive time is ambiguous, so it is refused, not guessed."""
%%% end

%%% if orm=sqlalchemy
    model_config = ConfigDict(extra="forbid", json_schema_extra=_document_no_nul)
%%% end
%%% if orm=django
    default_error_messages = {"naive": "Input should have timezone info"}  # noqa: RUF012
%%% end

%%% if orm=sqlalchemy
    @field_validator("*", mode="after")
    @classmethod
    def _no_nul_characters(cls, value: object) -> object:
        if isinstance(value, str) and "\x00" in value:
            msg = "must not contain NUL characters"
            raise ValueError(msg)
        return value
%%% end
%%% if orm=django
    def enforce_timezone(self, value: Any) -> Any:
        if timezone.is_naive(value):
            self.fail("naive")
        return super().enforce_timezone(value)
%%% end

%%% if orm=django

class StrictSerializer(serializers.ModelSerializer[Any]):
    """A typo, or a field the server owns (`id`, `owner_id`, ...), is a 422, not ignored.

    Text is kept as sent: DRF would strip surrounding whitespace, the other stacks do not.
    """

    serializer_field_mapping = {  # noqa: RUF012 - DRF's class attribute, extended
        **serializers.ModelSerializer.serializer_field_mapping,
        models.CharField: StrictCharField,
        models.TextField: StrictCharField,
        models.DateTimeField: StrictDateTimeField,
    }

    def build_standard_field(
        self, field_name: str, model_field: Any
    ) -> tuple[type[serializers.Field[Any, Any, Any, Any]], dict[str, Any]]:
        field_class, kwargs = super().build_standard_field(field_name, model_field)
        if issubclass(field_class, serializers.CharField):
            kwargs["trim_whitespace"] = False
        # A taken unique value is the database's to refuse (a 409, race-free), not a 422
        # from a query that a concurrent insert can slip past.
        validators = [v for v in kwargs.get("validators", []) if not isinstance(v, UniqueValidator)]
        if "validators" in kwargs:
            kwargs["validators"] = validators
        return field_class, kwargs

    def to_internal_value(self, data: Any) -> Any:
        _refuse_unknown_fields(data, self.fields)
        return super().to_internal_value(data)


class StrictInput(serializers.Serializer[Any]):
    """A request body that is not a model: unknown fields are refused here too."""

    def to_internal_value(self, data: Any) -> Any:
        _refuse_unknown_fields(data, self.fields)
        return super().to_internal_value(data)


def _refuse_unknown_fields(
    data: Any, fields: Mapping[str, serializers.Field[Any, Any, Any, Any]]
) -> None:
    """A body's keys that no writable field takes are a 422, each one named."""
    if isinstance(data, dict):
        writable = {name for name, field in fields.items() if not field.read_only}
        unknown = sorted(str(name) for name in data if name not in writable)
        if unknown:
            raise serializers.ValidationError({name: ["Unknown field."] for name in unknown})

%%% end
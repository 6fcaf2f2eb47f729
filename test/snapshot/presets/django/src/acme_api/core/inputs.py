"""What every request body shares: a JSON object, and unknown or server-owned fields refused."""

from collections.abc import Mapping
from typing import Any

from django.db import models
from django.utils import timezone
from rest_framework import serializers
from rest_framework.validators import UniqueValidator


class StrictCharField(serializers.CharField):
    """Text only: DRF would turn a number or a boolean into its string."""

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictDateTimeField(serializers.DateTimeField):
    """A moment with its offset: a naive time is ambiguous, so it is refused, not guessed."""

    default_error_messages = {"naive": "Input should have timezone info"}  # noqa: RUF012

    def enforce_timezone(self, value: Any) -> Any:
        if timezone.is_naive(value):
            self.fail("naive")
        return super().enforce_timezone(value)


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

"""Row ids in paths: digits only (anything else is a 404), and no more than an id column holds."""

from django.urls import register_converter
from rest_framework.exceptions import ValidationError

MAX_ID = 2**63 - 1


class RowIdConverter:
    regex = "[0-9]+"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


def check_row_id(value: int, field: str = "id") -> int:
    """`value` if a 64-bit id column can hold it; otherwise a 422, as for a bad body field."""
    if value > MAX_ID:
        raise ValidationError({field: [f"Input should be less than or equal to {MAX_ID}"]})
    return value


register_converter(RowIdConverter, "row_id")

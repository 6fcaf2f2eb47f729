"""Row ids in paths: checked by the view, so a bad one is a 422 naming it, as a bad field is."""

from django.urls import register_converter
from rest_framework.exceptions import ValidationError

MAX_ID = 2**63 - 1


class RowIdConverter:
    """Any one path segment; check_row_id decides whether it is an id."""

    regex = "[^/]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: object) -> str:
        return str(value)


def check_row_id(value: str, field: str) -> int:
    """The id in a path segment, if a 64-bit id column can hold it; otherwise a 422."""
    if not (value.isascii() and value.isdigit()):
        message = "Input should be a valid integer, unable to parse string as an integer"
        raise ValidationError({field: [message]})
    number = int(value)
    if number > MAX_ID:
        raise ValidationError({field: [f"Input should be less than or equal to {MAX_ID}"]})
    return number


register_converter(RowIdConverter, "row_id")

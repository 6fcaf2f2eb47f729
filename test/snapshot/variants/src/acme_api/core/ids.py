%%% if orm=sqlalchemy
"""Row ids in paths: a signed 64-bit integer, as every database stores them."""
%%% end
%%% if orm=django
"""Row ids in paths: checked by the view, so a bad one is a 422 naming it, as a bad field is."""
%%% end

%%% if orm=sqlalchemy
from apiflask import HTTPError
%%% end
%%% if orm=django
from django.urls import register_converter
from rest_framework.exceptions import ValidationError
%%% end

%%% if orm=sqlalchemy
from .problems import FieldError

# A larger id is a 422 on the field, not an overflow inside the driver.
%%% end
MAX_ID = 2**63 - 1


%%% if orm=sqlalchemy
def row_id(field: str, value: int) -> int:
    """`value` if a row could have it as its id, else a 422 naming `field`."""
    if not 1 <= value <= MAX_ID:
        error: FieldError = {"field": field, "message": f"must be between 1 and {MAX_ID}"}
        raise HTTPError(422, extra_data={"errors": [error]})
    return value
%%% end
%%% if orm=django
class RowIdConverter:
    """Any one path segment; check_row_id decides whether it is an id."""
%%% end

%%% if orm=django
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

%%% end
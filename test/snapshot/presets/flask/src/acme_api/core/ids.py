"""Row ids in paths: a signed 64-bit integer, as every database stores them."""

from apiflask import HTTPError

from .problems import FieldError

# A larger id is a 422 on the field, not an overflow inside the driver.
MAX_ID = 2**63 - 1


def row_id(field: str, value: int) -> int:
    """`value` if a row could have it as its id, else a 422 naming `field`."""
    if not 1 <= value <= MAX_ID:
        error: FieldError = {"field": field, "message": f"must be between 1 and {MAX_ID}"}
        raise HTTPError(422, extra_data={"errors": [error]})
    return value

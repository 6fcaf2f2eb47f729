"""`/api/v1/items`: the bodies' rules."""

import pytest
from pydantic import ValidationError

from acme_api.items.schemas import (
    ItemCreate,
    ItemUpdate,
)

from tests.resources import RESOURCES

VALID = RESOURCES["/api/v1/items"][0]()
# A required field: what the tests change, refuse and try to set to null.
REQUIRED = "title"
CHANGED = "changed"
REFUSED = "x" * 201


def test_create_refuses_server_owned_and_unknown_fields() -> None:
    for extra in ("id", "created_at", "updated_at", "owner_id", "unknown"):
        with pytest.raises(ValidationError):
            ItemCreate.model_validate({**VALID, extra: 1})


def test_create_refuses_nul_characters() -> None:
    body = {**VALID, "title": "a\x00b"}
    with pytest.raises(ValidationError, match="NUL"):
        ItemCreate.model_validate(body)


def test_create_checks_each_fields_kind() -> None:
    with pytest.raises(ValidationError):
        ItemCreate.model_validate({**VALID, REQUIRED: REFUSED})
    created = ItemCreate.model_validate(VALID)
    assert created.model_dump(mode="json") == VALID


def test_update_changes_only_what_is_sent() -> None:
    update = ItemUpdate.model_validate({REQUIRED: CHANGED})
    assert update.model_dump(mode="json", exclude_unset=True) == {REQUIRED: CHANGED}
    with pytest.raises(ValidationError):
        ItemUpdate.model_validate({REQUIRED: None})

import pytest
from pydantic import ValidationError

from acme_api.core.inputs import NO_NUL_PATTERN, Input


class Note(Input):
    text: str
    tags: tuple[str, ...] = ()


def test_a_nul_character_in_any_text_field_is_refused() -> None:
    with pytest.raises(ValidationError, match="must not contain NUL characters"):
        Note.model_validate({"text": "before\x00after"})
    assert Note.model_validate({"text": "plain", "tags": ("a",)}).text == "plain"


def test_unknown_fields_are_refused() -> None:
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        Note.model_validate({"text": "plain", "owner_id": 1})


def test_the_schema_says_text_holds_no_nul_so_clients_know_before_sending() -> None:
    properties = Note.model_json_schema()["properties"]
    assert properties["text"]["pattern"] == NO_NUL_PATTERN
    assert properties["tags"]["items"] == {"type": "string"}

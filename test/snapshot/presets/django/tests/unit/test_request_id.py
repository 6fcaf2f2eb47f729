import uuid

import pytest

from acme_api.core import request_id


@pytest.mark.parametrize("incoming", ["a", "abc-123_DEF.9", "x" * 128])
def test_a_safe_incoming_id_is_kept(incoming: str) -> None:
    assert request_id.resolve_request_id(incoming) == incoming


@pytest.mark.parametrize("incoming", [None, "", "x" * 129, "has space", "semi;colon", "é", "a\nb"])
def test_anything_else_gets_a_new_uuid(incoming: str | None) -> None:
    replaced = request_id.resolve_request_id(incoming)
    assert replaced != incoming
    assert uuid.UUID(replaced).version == 4

import uuid

import httpx2
import pytest


@pytest.mark.parametrize("path", ["/health", "/ready", "/nowhere", "/probe/crash"])
def test_a_valid_id_is_echoed_on_every_response(client: httpx2.Client, path: str) -> None:
    assert (
        client.get(path, headers={"X-Request-ID": "client-7.a_b"}).headers["x-request-id"]
        == "client-7.a_b"
    )


@pytest.mark.parametrize("incoming", ["", "x" * 129, "white space", 'quote"d'])
def test_an_invalid_id_is_replaced_by_a_uuid(client: httpx2.Client, incoming: str) -> None:
    returned = client.get("/health", headers={"X-Request-ID": incoming}).headers["x-request-id"]
    assert uuid.UUID(returned).version == 4


def test_a_missing_id_is_created(client: httpx2.Client) -> None:
    first = client.get("/health").headers["x-request-id"]
    second = client.get("/health").headers["x-request-id"]
    assert first != second

"""Who the tests are: a freshly registered, logged-in user for each test that asks."""

import httpx2
import pytest

from tests.users import new_user_headers


@pytest.fixture
def headers(client: httpx2.Client) -> dict[str, str]:
    """The bearer header of a user of its own; `client` is the test layer's own."""
    return new_user_headers(client)

"""Who the tests are: nobody in particular, since this project has no users."""

import httpx2
import pytest

# What a served app needs to serve the e2e tests: nothing special here.
SERVER_SETTINGS: dict[str, str] = {}


def new_user_headers(client: httpx2.Client) -> dict[str, str]:
    """Requests need no credentials here, on any client."""
    return {}


@pytest.fixture
def headers() -> dict[str, str]:
    """Requests need no credentials here."""
    return {}

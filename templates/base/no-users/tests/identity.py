"""Who the tests are: nobody in particular, since this project has no users."""

import pytest

# What a served app needs to serve the e2e tests: nothing special here.
SERVER_SETTINGS: dict[str, str] = {}


@pytest.fixture
def headers() -> dict[str, str]:
    """Requests need no credentials here."""
    return {}

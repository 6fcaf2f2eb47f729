"""Who the tests are: nobody in particular, since this project has no users."""

import pytest


@pytest.fixture
def headers() -> dict[str, str]:
    """Requests need no credentials here."""
    return {}

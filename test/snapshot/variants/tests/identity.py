%%% if auth=none
"""Who the tests are: nobody in particular, since this project has no users."""
%%% end
%%% if auth=jwt
"""Who the tests are: a freshly registered, logged-in user for each test that asks."""
%%% end

%%% if auth=jwt
import httpx2
%%% end
import pytest

%%% if auth=jwt
from tests.users import new_user_headers
%%% end

%%% if auth=jwt

%%% end
@pytest.fixture
%%% if auth=none
def headers() -> dict[str, str]:
    """Requests need no credentials here."""
    return {}
%%% end
%%% if auth=jwt
def headers(client: httpx2.Client) -> dict[str, str]:
    """The bearer header of a user of its own; `client` is the test layer's own."""
    return new_user_headers(client)
%%% end

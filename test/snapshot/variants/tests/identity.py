%%% if auth=none
"""Who the tests are: nobody in particular, since this project has no users."""
%%% end
%%% if auth=jwt
"""Who the tests are: a freshly registered, logged-in user for each test that asks."""
%%% end

%%% if auth=jwt
from collections.abc import Iterator

import httpx2
%%% end
import pytest
%%% if auth=jwt
from argon2 import PasswordHasher
%%% end

%%% if auth=jwt
from acme_api import security
%%% end

%%% if auth=jwt
from tests.users import new_user_headers


@pytest.fixture(autouse=True, scope="session")
def cheap_password_hashing() -> Iterator[None]:
    """Argon2 at the lowest cost it allows, for this test process only.

    At the production cost every registration and login in a test spends ~0.2 s
    hashing, most of the suite's time. A served app (the e2e tests) is a process
    of its own and hashes at full cost; test_security proves the app's default.
    """
    production = security._hasher
    security._hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    security._dummy_hash.cache_clear()
    yield
    security._hasher = production
    security._dummy_hash.cache_clear()


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

"""Argon2 at the lowest cost it allows, for the test process only (a pytest plugin)."""

from collections.abc import Iterator

import pytest
from argon2 import PasswordHasher

from acme_api.auth import passwords


@pytest.fixture(autouse=True, scope="session")
def cheap_password_hashing() -> Iterator[None]:
    """At the production cost each registration and login spends ~0.2 s hashing.

    That was most of the unit and integration time. A served app (the e2e tests)
    is a process of its own and hashes at full cost; test_passwords proves the
    app's default.
    """
    production = passwords._hasher
    passwords._hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    passwords._dummy_hash.cache_clear()
    yield
    passwords._hasher = production
    passwords._dummy_hash.cache_clear()

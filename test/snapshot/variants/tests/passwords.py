"""Argon2 at the lowest cost it allows, for the test process only (a pytest plugin)."""

from collections.abc import Iterator

import pytest
%%% if orm=sqlalchemy
from argon2 import PasswordHasher
%%% end
%%% if orm=django
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.test import override_settings
%%% end

%%% if orm=sqlalchemy
from acme_api.auth import passwords
%%% end

%%% if orm=django
class CheapArgon2PasswordHasher(Argon2PasswordHasher):
    """Still Argon2, at a cost that makes a test's registration and login instant."""
%%% end

%%% if orm=django
    time_cost = 1
    memory_cost = 8
    parallelism = 1


%%% end
@pytest.fixture(autouse=True, scope="session")
def cheap_password_hashing() -> Iterator[None]:
%%% if orm=sqlalchemy
    """At the production cost each registration and login spends ~0.2 s hashing.
%%% end
%%% if orm=django
    """A served app (the e2e tests) is a process of its own and hashes at full cost."""
    with override_settings(PASSWORD_HASHERS=[f"{__name__}.CheapArgon2PasswordHasher"]):
        yield
%%% end

%%% if orm=sqlalchemy
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

%%% end
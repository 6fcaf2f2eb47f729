"""Argon2 at the lowest cost it allows, for the test process only (a pytest plugin)."""

from collections.abc import Iterator

import pytest
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.test import override_settings


class CheapArgon2PasswordHasher(Argon2PasswordHasher):
    """Still Argon2, at a cost that makes a test's registration and login instant."""

    time_cost = 1
    memory_cost = 8
    parallelism = 1


@pytest.fixture(autouse=True, scope="session")
def cheap_password_hashing() -> Iterator[None]:
    """A served app (the e2e tests) is a process of its own and hashes at full cost."""
    with override_settings(PASSWORD_HASHERS=[f"{__name__}.CheapArgon2PasswordHasher"]):
        yield

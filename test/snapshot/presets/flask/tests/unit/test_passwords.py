"""Password hashing, with no app around it."""

import subprocess
import sys

from argon2 import extract_parameters
from argon2.profiles import RFC_9106_LOW_MEMORY

from acme_api.auth.passwords import hash_password, spend_verification_time, verify_password


def test_passwords_are_argon2_hashes_that_verify() -> None:
    hashed = hash_password("s3cret password")
    assert hashed.startswith("$argon2")
    assert verify_password(hashed, "s3cret password")
    assert not verify_password(hashed, "another password")
    assert not verify_password("not a hash", "s3cret password")
    spend_verification_time("anything")


def test_the_app_hashes_at_the_production_cost() -> None:
    """The tests hash cheaply (tests/passwords.py); a process of the app's own does not."""
    module = "acme_api.auth.passwords"
    code = f"from {module} import hash_password; print(hash_password('a password'))"
    run = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert extract_parameters(run.stdout.strip()) == RFC_9106_LOW_MEMORY

"""Password hashing with Argon2, and a constant-time answer for unknown emails."""

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

# argon2-cffi's defaults: RFC 9106's low-memory profile (64 MiB, 3 passes), about
# 0.2 s a hash. The tests swap in a cheap hasher (tests/passwords.py); a test in a
# process of its own proves this one is what the app uses.
_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


@cache
def _dummy_hash() -> str:
    return _hasher.hash("a password nobody has")


def spend_verification_time(password: str) -> None:
    """Hash as a real login would, so an unknown email takes as long as a wrong password."""
    verify_password(_dummy_hash(), password)

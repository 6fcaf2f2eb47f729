"""Password hashing, with no app around it."""

from acme_api.auth.passwords import hash_password, spend_verification_time, verify_password


def test_passwords_are_argon2_hashes_that_verify() -> None:
    hashed = hash_password("s3cret password")
    assert hashed.startswith("$argon2")
    assert verify_password(hashed, "s3cret password")
    assert not verify_password(hashed, "another password")
    assert not verify_password("not a hash", "s3cret password")
    spend_verification_time("anything")

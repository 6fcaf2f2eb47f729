"""Password hashing and tokens, with no app around them."""

from datetime import UTC, datetime, timedelta

import jwt
import pytest

from acme_api.auth.security import (
    InvalidTokenError,
    hash_password,
    issue_token,
    read_token,
    spend_verification_time,
    verify_password,
)

SECRET = "unit-test-secret-key-long-enough-for-hs256"


def test_passwords_are_argon2_hashes_that_verify() -> None:
    hashed = hash_password("s3cret password")
    assert hashed.startswith("$argon2")
    assert verify_password(hashed, "s3cret password")
    assert not verify_password(hashed, "another password")
    assert not verify_password("not a hash", "s3cret password")
    spend_verification_time("anything")


def test_a_token_reads_back_as_its_user() -> None:
    issued = issue_token(SECRET, 7, "access", 60)
    claims = read_token(SECRET, issued.token, "access")
    assert (claims.user_id, claims.jti) == (7, issued.jti)


def _forge(claims: dict[str, object], key: str = SECRET, algorithm: str = "HS256") -> str:
    return jwt.encode(claims, key, algorithm=algorithm)


def _claims(**changes: object) -> dict[str, object]:
    now = datetime.now(UTC)
    claims: dict[str, object] = {
        "sub": "7",
        "iat": now,
        "exp": now + timedelta(minutes=5),
        "jti": "j",
        "type": "access",
    }
    return {**claims, **changes}


@pytest.mark.parametrize(
    "token",
    [
        _forge(_claims(exp=datetime.now(UTC) - timedelta(seconds=1))),
        _forge(_claims(), key="a-different-key-also-long-enough-for-hs256"),
        _forge(_claims(type="refresh")),
        _forge(_claims(sub="not-a-number")),
        _forge({"sub": "7", "type": "access"}),
        jwt.encode(_claims(), key=None, algorithm="none"),
        "not.a.token",
    ],
    ids=["expired", "wrong-key", "wrong-type", "bad-subject", "missing-claims", "alg-none", "junk"],
)
def test_bad_tokens_are_refused(token: str) -> None:
    with pytest.raises(InvalidTokenError):
        read_token(SECRET, token, "access")

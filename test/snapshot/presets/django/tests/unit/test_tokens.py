"""Signed tokens, with no app around them."""

from datetime import UTC, datetime, timedelta

import jwt
import pytest

from acme_api.auth.jwt.tokens import InvalidTokenError, issue_token, read_token

SECRET = "unit-test-secret-key-long-enough-for-hs256"


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
        jwt.encode(_claims(), key="", algorithm="none"),
        "not.a.token",
    ],
    ids=["expired", "wrong-key", "wrong-type", "bad-subject", "missing-claims", "alg-none", "junk"],
)
def test_bad_tokens_are_refused(token: str) -> None:
    with pytest.raises(InvalidTokenError):
        read_token(SECRET, token, "access")

"""Signed tokens (JWT, HS256): issued, and read back only if valid and of the right type."""

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal

import jwt

ALGORITHM = "HS256"
TokenType = Literal["access", "refresh"]


class InvalidTokenError(Exception):
    """Expired, tampered, wrongly signed, of the wrong type, or not a token at all."""


@dataclass(frozen=True)
class IssuedToken:
    token: str
    jti: str
    expires_at: datetime


@dataclass(frozen=True)
class TokenClaims:
    user_id: int
    jti: str


def issue_token(secret: str, user_id: int, token_type: TokenType, ttl_seconds: int) -> IssuedToken:
    now = datetime.now(UTC)
    expires_at = now + timedelta(seconds=ttl_seconds)
    jti = str(uuid.uuid4())
    claims = {"sub": str(user_id), "iat": now, "exp": expires_at, "jti": jti, "type": token_type}
    return IssuedToken(jwt.encode(claims, secret, algorithm=ALGORITHM), jti, expires_at)


def read_token(secret: str, token: str, token_type: TokenType) -> TokenClaims:
    """The claims of a valid token of `token_type`; anything else raises InvalidTokenError."""
    try:
        # A fixed algorithm list: a token cannot choose `none` or another key type.
        claims = jwt.decode(
            token,
            secret,
            algorithms=[ALGORITHM],
            options={"require": ["sub", "exp", "iat", "jti", "type"]},
        )
    except jwt.PyJWTError as error:
        raise InvalidTokenError(type(error).__name__) from None
    if claims["type"] != token_type or not str(claims["sub"]).isdigit():
        raise InvalidTokenError("wrong token type")
    return TokenClaims(user_id=int(claims["sub"]), jti=str(claims["jti"]))

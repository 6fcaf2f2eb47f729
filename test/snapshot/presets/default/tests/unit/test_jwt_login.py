"""JWT login: token pairs, rotation, logout and the bearer dependency, called directly."""

import asyncio

import pytest
from fastapi import HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials
from sqlalchemy.orm import Session

from acme_api.auth.dependencies import user_service
from acme_api.auth.jwt import routes
from acme_api.auth.jwt.dependencies import current_user, token_service
from acme_api.auth.jwt.schemas import RefreshRequest
from acme_api.auth.jwt.service import TokenService
from acme_api.auth.models import User
from acme_api.auth.schemas import Credentials, Registration
from acme_api.auth.service import AuthenticationError, UserService
from acme_api.core.settings import Settings

from tests.users import PASSWORD, new_email

SETTINGS = Settings(login_max_attempts=2)
REQUEST = Request({"type": "http", "client": ("203.0.113.7", 50000)})


def new_user(session: Session) -> User:
    return UserService(session, SETTINGS).register(
        Registration(email=new_email(), password=PASSWORD)
    )


def bearer(token: str) -> HTTPAuthorizationCredentials:
    return HTTPAuthorizationCredentials(scheme="Bearer", credentials=token)


def refresh_request(token: str) -> RefreshRequest:
    return RefreshRequest(refresh_token=token)


def status_of(error: pytest.ExceptionInfo[HTTPException]) -> int:
    return error.value.status_code


def test_login_answers_a_pair_whose_access_token_is_the_user(session: Session) -> None:
    user = new_user(session)
    users = asyncio.run(user_service(session, SETTINGS))
    tokens = asyncio.run(token_service(session, SETTINGS))
    pair = routes.login(Credentials(email=user.email, password=PASSWORD), users, tokens, REQUEST)
    assert (pair.token_type, pair.expires_in) == ("bearer", SETTINGS.access_token_ttl_seconds)
    assert current_user(bearer(pair.access_token), tokens) is user


def test_login_refuses_wrong_credentials_then_throttles(session: Session) -> None:
    user = new_user(session)
    users = asyncio.run(user_service(session, SETTINGS))
    tokens = asyncio.run(token_service(session, SETTINGS))
    wrong = Credentials(email=user.email, password="wrong password")
    for expected in (401, 401, 429):
        with pytest.raises(HTTPException) as refused:
            routes.login(wrong, users, tokens, REQUEST)
        assert status_of(refused) == expected
    assert refused.value.headers is not None
    assert int(refused.value.headers["Retry-After"]) >= 1


def test_refresh_rotates_and_a_reused_token_revokes_the_family(session: Session) -> None:
    tokens = TokenService(session, SETTINGS)
    first = tokens.login(new_user(session)).refresh_token
    second = routes.refresh(refresh_request(first), tokens).refresh_token
    with pytest.raises(HTTPException) as reused:
        routes.refresh(refresh_request(first), tokens)
    assert status_of(reused) == 401
    # The reuse revoked what was rotated from it, too.
    with pytest.raises(AuthenticationError):
        tokens.refresh(second)


def test_logout_ends_the_refresh_token_of_its_own_user_only(session: Session) -> None:
    tokens = TokenService(session, SETTINGS)
    user, other = new_user(session), new_user(session)
    body = refresh_request(tokens.login(user).refresh_token)
    routes.logout(body, user, tokens)
    with pytest.raises(AuthenticationError):
        tokens.refresh(body.refresh_token)
    # Logging out again is harmless; someone else's token is not yours to end.
    routes.logout(body, user, tokens)
    with pytest.raises(HTTPException) as foreign:
        routes.logout(body, other, tokens)
    assert status_of(foreign) == 401


@pytest.mark.parametrize("token", [None, "junk", "refresh"])
def test_the_bearer_dependency_wants_a_valid_access_token(
    session: Session, token: str | None
) -> None:
    tokens = TokenService(session, SETTINGS)
    if token == "refresh":
        token = tokens.login(new_user(session)).refresh_token
    with pytest.raises(HTTPException) as refused:
        current_user(None if token is None else bearer(token), tokens)
    assert status_of(refused) == 401
    assert refused.value.headers == {"WWW-Authenticate": "Bearer"}


def test_a_token_of_a_deleted_user_is_refused(session: Session) -> None:
    tokens = TokenService(session, SETTINGS)
    user = new_user(session)
    access = tokens.login(user).access_token
    session.delete(user)
    session.flush()
    with pytest.raises(AuthenticationError):
        tokens.user_of_access_token(access)

%%% if framework=fastapi
"""JWT login: token pairs, rotation, logout and the bearer dependency, called directly."""
%%% end
%%% if framework=flask
"""JWT login over Flask's test client: token pairs, rotation, logout and the bearer check."""
%%% end

%%% if framework=fastapi
import asyncio
%%% end
%%% if framework=flask
from collections.abc import Iterator
%%% end

%%% if framework=flask
import httpx2
%%% end
import pytest
%%% if framework=fastapi
from fastapi import HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials
from sqlalchemy.orm import Session
%%% end

%%% if framework=fastapi
from acme_api.auth.dependencies import user_service
from acme_api.auth.jwt import routes
from acme_api.auth.jwt.dependencies import current_user, token_service
from acme_api.auth.jwt.schemas import RefreshRequest
from acme_api.auth.jwt.service import TokenService
from acme_api.auth.models import User
from acme_api.auth.schemas import Credentials, Registration
from acme_api.auth.service import AuthenticationError, UserService
%%% end
%%% if framework=flask
from acme_api.core.db import IN_MEMORY
%%% end
from acme_api.core.settings import Settings

%%% if framework=fastapi
from tests.users import PASSWORD, new_email
%%% end
%%% if framework=flask
from tests.app_client import app_client
from tests.identity import bearer, login
from tests.users import PASSWORD, new_email, register
%%% end

%%% if framework=fastapi
SETTINGS = Settings(login_max_attempts=2)
REQUEST = Request({"type": "http", "client": ("203.0.113.7", 50000)})
%%% end
%%% if framework=flask
AUTH = "/api/v1/auth"
SETTINGS = Settings(database_url=IN_MEMORY, login_max_attempts=2)
%%% end


%%% if framework=fastapi
def new_user(session: Session) -> User:
    return UserService(session, SETTINGS).register(
        Registration(email=new_email(), password=PASSWORD)
    )
%%% end
%%% if framework=flask
@pytest.fixture
def client() -> Iterator[httpx2.Client]:
    with app_client(SETTINGS) as client:
        yield client
%%% end


%%% if framework=fastapi
def bearer(token: str) -> HTTPAuthorizationCredentials:
    return HTTPAuthorizationCredentials(scheme="Bearer", credentials=token)
%%% end
%%% if framework=flask
def new_login(client: httpx2.Client) -> dict[str, str]:
    email = new_email()
    register(client, email)
    return login(client, email)
%%% end


%%% if framework=fastapi
def refresh_request(token: str) -> RefreshRequest:
    return RefreshRequest(refresh_token=token)
%%% end
%%% if framework=flask
def test_login_answers_a_pair_whose_access_token_is_the_user(client: httpx2.Client) -> None:
    email = new_email()
    register(client, email)
    pair = login(client, email)
    assert pair["token_type"] == "bearer"
    assert int(pair["expires_in"]) == SETTINGS.access_token_ttl_seconds
    me = client.get(f"{AUTH}/me", headers=bearer(pair["access_token"]))
    assert me.json()["email"] == email
%%% end


%%% if framework=fastapi
def status_of(error: pytest.ExceptionInfo[HTTPException]) -> int:
    return error.value.status_code
%%% end
%%% if framework=flask
def test_login_refuses_wrong_credentials_alike_then_throttles(client: httpx2.Client) -> None:
    email = new_email()
    register(client, email)
    answers = [
        client.post(f"{AUTH}/login", json={"email": address, "password": password})
        for address, password in (
            (email, "wrong password"),
            (new_email(), PASSWORD),
            (email, PASSWORD),
        )
    ]
    assert [answer.status_code for answer in answers] == [401, 401, 429]
    assert answers[0].json()["detail"] == answers[1].json()["detail"]
    assert answers[0].headers["WWW-Authenticate"] == "Bearer"
    assert int(answers[2].headers["Retry-After"]) >= 1
%%% end


%%% if framework=fastapi
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
%%% end
%%% if framework=flask
def test_refresh_rotates_and_a_reused_token_revokes_the_family(client: httpx2.Client) -> None:
    first = new_login(client)["refresh_token"]
    rotated = client.post(f"{AUTH}/refresh", json={"refresh_token": first})
    assert rotated.status_code == 200
    reused = client.post(f"{AUTH}/refresh", json={"refresh_token": first})
    assert (reused.status_code, reused.headers["WWW-Authenticate"]) == (401, "Bearer")
%%% end
    # The reuse revoked what was rotated from it, too.
%%% if framework=fastapi
    with pytest.raises(AuthenticationError):
        tokens.refresh(second)
%%% end
%%% if framework=flask
    second = rotated.json()["refresh_token"]
    assert client.post(f"{AUTH}/refresh", json={"refresh_token": second}).status_code == 401
%%% end


%%% if framework=fastapi
def test_logout_ends_the_refresh_token_of_its_own_user_only(session: Session) -> None:
    tokens = TokenService(session, SETTINGS)
    user, other = new_user(session), new_user(session)
    body = refresh_request(tokens.login(user).refresh_token)
    routes.logout(body, user, tokens)
    with pytest.raises(AuthenticationError):
        tokens.refresh(body.refresh_token)
%%% end
%%% if framework=flask
def test_logout_ends_the_refresh_token_of_its_own_user_only(client: httpx2.Client) -> None:
    pair, other = new_login(client), new_login(client)
    body = {"refresh_token": pair["refresh_token"]}
    headers = bearer(pair["access_token"])
    assert client.post(f"{AUTH}/logout", json=body, headers=headers).status_code == 204
    assert client.post(f"{AUTH}/refresh", json=body).status_code == 401
%%% end
    # Logging out again is harmless; someone else's token is not yours to end.
%%% if framework=fastapi
    routes.logout(body, user, tokens)
    with pytest.raises(HTTPException) as foreign:
        routes.logout(body, other, tokens)
    assert status_of(foreign) == 401
%%% end
%%% if framework=flask
    assert client.post(f"{AUTH}/logout", json=body, headers=headers).status_code == 204
    foreign = client.post(f"{AUTH}/logout", json=body, headers=bearer(other["access_token"]))
    assert foreign.status_code == 401
%%% end


%%% if framework=fastapi
@pytest.mark.parametrize("token", [None, "junk", "refresh"])
def test_the_bearer_dependency_wants_a_valid_access_token(
    session: Session, token: str | None
%%% end
%%% if framework=flask
@pytest.mark.parametrize(
    ("authorization", "detail"),
    [
        (None, "Authentication required"),
        ("Basic dXNlcjpwYXNz", "Authentication required"),
        ("Bearer junk", "invalid or has expired"),
        ("refresh", "invalid or has expired"),
    ],
)
def test_the_bearer_check_wants_a_valid_access_token(
    client: httpx2.Client, authorization: str | None, detail: str
%%% end
) -> None:
%%% if framework=fastapi
    tokens = TokenService(session, SETTINGS)
    if token == "refresh":
        token = tokens.login(new_user(session)).refresh_token
    with pytest.raises(HTTPException) as refused:
        current_user(None if token is None else bearer(token), tokens)
    assert status_of(refused) == 401
    assert refused.value.headers == {"WWW-Authenticate": "Bearer"}
%%% end
%%% if framework=flask
    if authorization == "refresh":
        authorization = f"Bearer {new_login(client)['refresh_token']}"
    headers = {} if authorization is None else {"Authorization": authorization}
    refused = client.get(f"{AUTH}/me", headers=headers)
    assert (refused.status_code, refused.headers["WWW-Authenticate"]) == (401, "Bearer")
    assert refused.headers["content-type"] == "application/problem+json"
    assert detail in refused.json()["detail"]
%%% end

%%% if framework=fastapi

def test_a_token_of_a_deleted_user_is_refused(session: Session) -> None:
    tokens = TokenService(session, SETTINGS)
    user = new_user(session)
    access = tokens.login(user).access_token
    session.delete(user)
    session.flush()
    with pytest.raises(AuthenticationError):
        tokens.user_of_access_token(access)

%%% end
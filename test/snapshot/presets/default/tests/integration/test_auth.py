"""JWT auth on the migrated test database: what a deleted user's tokens are, stored rotation."""

import httpx2
from sqlalchemy import create_engine, text

from acme_api.core.db import sqlalchemy_url

from tests.identity import bearer, login
from tests.users import new_email, register

AUTH = "/api/v1/auth"


def test_tokens_of_a_deleted_user_are_401_and_its_id_is_not_reused(
    client: httpx2.Client, database_url: str
) -> None:
    email = new_email()
    gone_id = register(client, email)["id"]
    tokens = login(client, email)
    # As an operator would delete it: by hand, foreign keys or not.
    engine = create_engine(sqlalchemy_url(database_url))
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM users WHERE id = :id"), {"id": gone_id})
    engine.dispose()
    assert client.get(f"{AUTH}/me", headers=bearer(tokens["access_token"])).status_code == 401
    body = {"refresh_token": tokens["refresh_token"]}
    assert client.post(f"{AUTH}/refresh", json=body).status_code == 401
    next_id = register(client, new_email())["id"]
    assert isinstance(gone_id, int)
    assert isinstance(next_id, int)
    assert next_id > gone_id


def test_token_rotation_is_stored(client: httpx2.Client) -> None:
    email = new_email()
    register(client, email)
    tokens = login(client, email)
    rotated = client.post(f"{AUTH}/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert rotated.status_code == 200
    new = rotated.json()
    assert client.get(f"{AUTH}/me", headers=bearer(new["access_token"])).status_code == 200
    again = client.post(f"{AUTH}/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert again.status_code == 401
    assert again.headers["www-authenticate"] == "Bearer"

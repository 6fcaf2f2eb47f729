"""The admin routes over Flask's test client: only MANAGE_USERS may, and one admin stays."""

from collections.abc import Iterator

import httpx2
import pytest
from sqlalchemy import update

from acme_api.auth.models import User
from acme_api.core.db import IN_MEMORY
from acme_api.core.settings import Settings

from tests.app_client import app_client, database_of
from tests.identity import login_headers
from tests.users import new_email, register

USERS = "/api/v1/admin/users"


@pytest.fixture
def client() -> Iterator[httpx2.Client]:
    with app_client(Settings(database_url=IN_MEMORY)) as client:
        yield client


def new_member(client: httpx2.Client, *, admin: bool = False) -> tuple[int, dict[str, str]]:
    """A registered user's id and headers; an admin is promoted in the database itself."""
    email = new_email()
    user_id = int(str(register(client, email)["id"]))
    if admin:
        with database_of(client).sessions.begin() as session:
            session.execute(update(User).where(User.id == user_id).values(role="admin"))
    return user_id, login_headers(client, email)


def test_admins_list_users_and_change_roles_but_keep_one_admin(client: httpx2.Client) -> None:
    boss, headers = new_member(client, admin=True)
    worker, _ = new_member(client)
    page = client.get(USERS, params={"limit": 1, "offset": 1}, headers=headers).json()
    assert ([row["id"] for row in page["items"]], page["total"]) == ([worker], 2)
    for role in ("admin", "user"):
        changed = client.patch(f"{USERS}/{worker}", json={"role": role}, headers=headers)
        assert changed.json()["role"] == role
    for user_id, status in ((boss, 409), (worker + 1000, 404)):
        refused = client.patch(f"{USERS}/{user_id}", json={"role": "user"}, headers=headers)
        assert refused.status_code == status
        assert refused.headers["content-type"] == "application/problem+json"


def test_users_are_forbidden_before_their_body_is_judged(client: httpx2.Client) -> None:
    worker, headers = new_member(client)
    assert client.get(USERS, headers=headers).status_code == 403
    forbidden = client.patch(f"{USERS}/{worker}", json={"role": "emperor"}, headers=headers)
    assert forbidden.status_code == 403
    assert client.get(USERS).status_code == 401

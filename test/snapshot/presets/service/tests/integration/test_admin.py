"""RBAC on the migrated test database: `create-admin` and the admin endpoints.

What an admin may do with each resource's rows is tested with that resource.
"""

import httpx2
import pytest

from acme_api.cli import main

from tests.admins import admin_headers
from tests.identity import login_headers, new_user_headers
from tests.users import new_email, register


def test_an_admin_lists_users_and_changes_their_role(client: httpx2.Client) -> None:
    user_id = client.get("/api/v1/auth/me", headers=new_user_headers(client)).json()["id"]
    admin = admin_headers(client)
    users = client.get("/api/v1/admin/users", headers=admin).json()
    assert users["total"] == 2
    assert user_id in [user["id"] for user in users["items"]]
    promoted = client.patch(f"/api/v1/admin/users/{user_id}", json={"role": "admin"}, headers=admin)
    assert promoted.json()["role"] == "admin"
    bad = client.patch(f"/api/v1/admin/users/{user_id}", json={"role": "root"}, headers=admin)
    assert bad.json()["errors"][0]["field"] == "role"
    missing = client.patch("/api/v1/admin/users/999999", json={"role": "user"}, headers=admin)
    assert missing.status_code == 404


def test_the_last_admin_cannot_be_demoted(client: httpx2.Client) -> None:
    admin = admin_headers(client)
    me = client.get("/api/v1/auth/me", headers=admin).json()
    demoted = client.patch(f"/api/v1/admin/users/{me['id']}", json={"role": "user"}, headers=admin)
    assert demoted.status_code == 409
    assert client.get("/api/v1/auth/me", headers=admin).json()["role"] == "admin"


def test_create_admin_promotes_an_existing_user(client: httpx2.Client) -> None:
    email = new_email()
    register(client, email)
    assert main(["create-admin", "--email", email, "--password", "whatever long"]) == 0
    me = client.get("/api/v1/auth/me", headers=login_headers(client, email))
    assert me.json()["role"] == "admin"


def test_create_admin_refuses_a_bad_email(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["create-admin", "--email", "nope", "--password", "long enough"]) == 1
    err = capsys.readouterr().err
    assert "email" in err
    assert "long enough" not in err

"""`create-admin` on the command line, as an operator runs it, against the served app."""

import httpx2
import pytest

from tests.e2e.conftest import Server, command_env, run_command
from tests.identity import login_headers
from tests.users import new_email

PASSWORD = "pw 12345678"


@pytest.fixture(scope="module")
def admin(tmp_path_factory: pytest.TempPathFactory, server: Server) -> str:
    """The email of an admin that `create-admin` made beside the served app, once per module."""
    tmp_path = tmp_path_factory.mktemp("create_admin")
    email = new_email()
    env = command_env(tmp_path, DATABASE_URL=server.database_url)
    result = run_command(tmp_path, env, "create-admin", "--email", email, "--password", PASSWORD)
    assert result.returncode == 0, result.stderr
    return email


def test_create_admin_then_list_users(client: httpx2.Client, admin: str) -> None:
    headers = login_headers(client, admin, PASSWORD)
    assert client.get("/api/v1/admin/users", headers=headers).status_code == 200


def _admins(client: httpx2.Client, headers: dict[str, str]) -> list[dict[str, object]]:
    admins: list[dict[str, object]] = []
    offset = 0
    while True:
        page = client.get(f"/api/v1/admin/users?limit=100&offset={offset}", headers=headers).json()
        admins += [user for user in page["items"] if user["role"] == "admin"]
        offset += 100
        if offset >= page["total"]:
            return admins


def test_the_last_admin_cannot_demote_themself(client: httpx2.Client, admin: str) -> None:
    headers = login_headers(client, admin, PASSWORD)
    # Admins other tests made step down first, so this one is the last.
    for other in _admins(client, headers):
        if other["email"] != admin:
            url = f"/api/v1/admin/users/{other['id']}"
            assert client.patch(url, json={"role": "user"}, headers=headers).status_code == 200
    me = client.get("/api/v1/auth/me", headers=headers).json()
    last = client.patch(f"/api/v1/admin/users/{me['id']}", json={"role": "user"}, headers=headers)
    assert last.status_code == 409
    assert client.get("/api/v1/auth/me", headers=headers).json()["role"] == "admin"

"""`python -m acme_api create-admin` as an operator runs it, against the served app."""

from pathlib import Path

import httpx2

from tests.e2e.conftest import Server, command_env, run_command
from tests.users import bearer, login, new_email


def test_create_admin_then_list_users(
    tmp_path: Path, client: httpx2.Client, server: Server
) -> None:
    email = new_email()
    env = command_env(tmp_path, DATABASE_URL=server.database_url)
    result = run_command(
        tmp_path, env, "create-admin", "--email", email, "--password", "pw 12345678"
    )
    assert result.returncode == 0, result.stderr
    headers = bearer(login(client, email, "pw 12345678")["access_token"])
    assert client.get("/api/v1/admin/users", headers=headers).status_code == 200

"""The users' command `set-password`, as an operator runs it beside the served app."""

import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx2

from tests.e2e.conftest import Server, command_env, run_command
from tests.identity import login_headers
from tests.users import new_email, register


def test_set_password_gives_a_user_a_new_one(
    tmp_path: Path, client: httpx2.Client, server: Server
) -> None:
    email = new_email()
    register(client, email)
    env = command_env(tmp_path, DATABASE_URL=server.database_url)
    result = run_command(
        tmp_path, env, "set-password", "--email", email.upper(), "--password", "a new one 123"
    )
    assert result.returncode == 0, result.stderr
    assert f"password set: {email}" in result.stderr
    assert "a new one 123" not in result.stderr
    headers = login_headers(client, email, "a new one 123")
    assert client.get("/api/v1/auth/me", headers=headers).json()["email"] == email


def test_set_password_refuses_an_unknown_user_and_a_short_password(
    tmp_path: Path, server: Server
) -> None:
    env = command_env(tmp_path, DATABASE_URL=server.database_url)
    email = new_email()

    def set_password(password: str) -> subprocess.CompletedProcess[str]:
        return run_command(tmp_path, env, "set-password", "--email", email, "--password", password)

    # Side by side: each is a process of its own, most of whose second is Django starting.
    with ThreadPoolExecutor() as pool:
        unknown, short = pool.map(set_password, ["8 chars!", "short"])
    assert unknown.returncode == 1
    assert f"set-password: no user has the email {email}" in unknown.stderr
    assert short.returncode == 1
    assert "set-password: password: " in short.stderr

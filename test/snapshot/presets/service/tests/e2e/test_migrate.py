"""`migrate` beside the served app, as an operator runs it on a deploy."""

from pathlib import Path

from tests.e2e.conftest import SharedServer, command_env, run_command


def test_migrate_twice_is_harmless(tmp_path: Path, shared_server: SharedServer) -> None:
    # The shared server's database was new when `migrate` first ran on it.
    assert "database is up to date" in shared_server.first_migrate.stderr
    server = shared_server.server
    env = command_env(tmp_path, DATABASE_URL=server.database_url)
    again = run_command(tmp_path, env, "migrate")
    assert again.returncode == 0, again.stderr
    assert "database is up to date" in again.stderr
    assert server.get("/ready").status_code == 200

"""The `migrate` command as an operator runs it, in a process, on a database of its own.

Django reads its settings once per process, so the command runs as a process
of its own, on a new database (tests/databases.py), never on the test database.
"""

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import acme_api as package_under_test

from tests import PACKAGE, SETTINGS_VARIABLES
from tests.databases import isolated_database

MANAGE = Path(package_under_test.__file__).resolve().parents[2] / "manage.py"


def _run(tmp_path: Path, *args: str, **settings: str) -> subprocess.CompletedProcess[str]:
    """A command with this test's settings only (and the rest of the environment, for coverage)."""
    inherited = {k: v for k, v in os.environ.items() if k not in SETTINGS_VARIABLES}
    return subprocess.run(
        [sys.executable, *args],
        env={**inherited, "APP_ENV": "test", **settings},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_migrate_applies_every_migration_and_twice_is_harmless(tmp_path: Path) -> None:
    with isolated_database(tmp_path, "migrate_twice") as url:
        first = _run(tmp_path, "-m", PACKAGE, "migrate", DATABASE_URL=url, LOG_FORMAT="json")
        assert first.returncode == 0, first.stderr
        entries = [json.loads(line) for line in first.stderr.splitlines()]
        assert all({"timestamp", "level", "message"} <= set(entry) for entry in entries)
        assert "database is up to date" in [entry["message"] for entry in entries]
        # The rest only read what the first run wrote: side by side, as each is a process
        # of its own that is mostly Django starting.
        with ThreadPoolExecutor() as pool:
            runs = [
                pool.submit(_run, tmp_path, *args, DATABASE_URL=url, LOG_FORMAT="console")
                for args in (
                    ["-m", PACKAGE, "migrate"],
                    [str(MANAGE), "migrate", "--check"],
                    [str(MANAGE), "makemigrations", "--check", "--dry-run"],
                )
            ]
        again, left, pending = (run.result() for run in runs)
        assert again.returncode == 0, again.stderr
        assert again.stderr.rstrip().endswith("database is up to date")
        # Nothing left to apply, and the models need no migration the project lacks.
        assert left.returncode == 0
        assert pending.returncode == 0, pending.stdout + pending.stderr


def test_migrate_that_cannot_open_its_database_says_why_in_one_line(tmp_path: Path) -> None:
    missing = f"sqlite:///{tmp_path / 'no' / 'such' / 'folder' / 'app.db'}"
    result = _run(tmp_path, "-m", PACKAGE, "migrate", DATABASE_URL=missing)
    assert result.returncode == 1
    assert result.stderr.startswith("error: cannot migrate the database at DATABASE_URL: ")
    assert result.stderr.count("\n") == 1


def test_migrate_with_a_bad_url_says_why(tmp_path: Path) -> None:
    result = _run(tmp_path, "-m", PACKAGE, "migrate", DATABASE_URL="mariadb://root@localhost/shop")
    assert result.returncode == 1
    assert result.stderr.startswith("error: DATABASE_URL: must look like")

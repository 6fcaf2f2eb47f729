"""Django's own checks, run as a developer or a deploy pipeline runs them: `manage.py`."""

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.e2e.conftest import SOURCE_ROOT, command_env

MANAGE = SOURCE_ROOT.parent / "manage.py"
# Django's checklist wants 50 characters or more (security.W009).
PRODUCTION_KEY = "a-private-production-key-long-enough-for-djangos-deploy-checklist"
# Each check's `manage.py` run, by name.
Checks = dict[str, subprocess.CompletedProcess[str]]


def _manage(tmp_path: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(MANAGE), *args],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture(scope="module")
def checks(tmp_path_factory: pytest.TempPathFactory) -> Checks:
    """The checks, run side by side: each is a process of its own, mostly Django starting."""
    runs = {
        "migrations": ({}, ["makemigrations", "--check", "--dry-run"]),
        "deploy": (
            {"APP_ENV": "production", "SECRET_KEY": PRODUCTION_KEY},
            ["check", "--deploy", "--fail-level", "WARNING"],
        ),
        "bad settings": ({"APP_ENV": "production"}, ["check"]),
    }
    with ThreadPoolExecutor() as pool:
        started = {}
        for name, (settings, args) in runs.items():
            tmp_path = tmp_path_factory.mktemp("manage")
            started[name] = pool.submit(_manage, tmp_path, command_env(tmp_path, **settings), *args)
    return {name: run.result() for name, run in started.items()}


def test_the_migrations_match_the_models(checks: Checks) -> None:
    result = checks["migrations"]
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_deployment_checklist_passes_under_production_settings(checks: Checks) -> None:
    result = checks["deploy"]
    assert result.returncode == 0, result.stdout + result.stderr


def test_manage_py_refuses_bad_settings_in_one_line(checks: Checks) -> None:
    result = checks["bad settings"]
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "error: SECRET_KEY must be set to a private value when APP_ENV=production"
    ]

"""Django's own checks, run as a developer or a deploy pipeline runs them: `manage.py`."""

import subprocess
import sys
from pathlib import Path

from tests.e2e.conftest import SOURCE_ROOT, command_env

MANAGE = SOURCE_ROOT.parent / "manage.py"
# Django's checklist wants 50 characters or more (security.W009).
PRODUCTION_KEY = "a-private-production-key-long-enough-for-djangos-deploy-checklist"


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


def test_the_migrations_match_the_models(tmp_path: Path) -> None:
    result = _manage(tmp_path, command_env(tmp_path), "makemigrations", "--check", "--dry-run")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_deployment_checklist_passes_under_production_settings(tmp_path: Path) -> None:
    env = command_env(tmp_path, APP_ENV="production", SECRET_KEY=PRODUCTION_KEY)
    result = _manage(tmp_path, env, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr


def test_manage_py_refuses_bad_settings_in_one_line(tmp_path: Path) -> None:
    result = _manage(tmp_path, command_env(tmp_path, APP_ENV="production"), "check")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "error: SECRET_KEY must be set to a private value when APP_ENV=production"
    ]

import argparse
import runpy
import subprocess
import sys
from pathlib import Path

import pytest

from acme_api import cli
from acme_api.core.settings import Settings

from tests import PACKAGE


@pytest.mark.parametrize("argv", [[], ["bogus"], ["serve", "--bogus"]])
def test_bad_usage_exits_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        cli.main(argv)
    assert raised.value.code == 2
    assert f"usage: python -m {PACKAGE}" in capsys.readouterr().err


def test_bad_settings_exit_1_with_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("APP_ENV", "production")
    assert cli.main(["migrate"]) == 1
    assert capsys.readouterr().err == (
        "error: SECRET_KEY must be set to a private value when APP_ENV=production\n"
    )


@pytest.mark.parametrize("command", ["serve", "migrate"])
def test_each_command_runs_with_the_loaded_settings(
    monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    ran: list[tuple[str, Settings]] = []
    # Each command imports its module when it runs: patched there, where it is looked up
    # (`migrate` is also handed the options a revision may read).
    monkeypatch.setattr(
        f"{PACKAGE}.core.{command}.{command}", lambda settings, *_: ran.append((command, settings))
    )
    monkeypatch.setenv("PORT", "8123")
    assert cli.main([command]) == 0
    assert [(name, settings.port) for name, settings in ran] == [(command, 8123)]


def test_serve_warns_when_app_env_is_unset_and_the_public_key_signs(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)  # no `.env` of the developer's
    monkeypatch.setattr(f"{PACKAGE}.core.serve.serve", lambda settings: None)
    monkeypatch.delenv("APP_ENV")
    assert cli.main(["serve"]) == 0
    assert cli.PUBLIC_KEY_WARNING in capsys.readouterr().err
    monkeypatch.setenv("APP_ENV", "development")  # said on purpose: no warning
    assert cli.main(["serve"]) == 0
    assert cli.PUBLIC_KEY_WARNING not in capsys.readouterr().err


def test_the_command_line_imports_no_command_before_it_runs() -> None:
    """`--help`, usage and settings errors stay fast: no server, ORM or migration tool."""
    code = f"import sys; from {PACKAGE} import cli; print(' '.join(sys.modules))"
    run = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    heavy = {"uvicorn", "gunicorn", "fastapi", "flask", "alembic", "sqlalchemy", "argon2"}
    assert heavy.isdisjoint(run.stdout.split())


def test_python_dash_m_runs_main(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.argv", [PACKAGE, "--help"])
    with pytest.raises(SystemExit) as raised:
        runpy.run_module(PACKAGE, run_name="__main__")
    assert raised.value.code == 0


def test_every_command_has_a_handler() -> None:
    parser = cli.build_parser()
    for command in ("serve", "migrate"):
        args: argparse.Namespace = parser.parse_args([command])
        assert callable(args.handler)

import argparse
import runpy
import subprocess
import sys

import pytest

from acme_api import cli
from acme_api.settings import Settings

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
    # Each command imports its module when it runs: patched there, as it is looked up.
    monkeypatch.setattr(
        f"{PACKAGE}.{command}.{command}", lambda settings: ran.append((command, settings))
    )
    monkeypatch.setenv("PORT", "8123")
    assert cli.main([command]) == 0
    assert [(name, settings.port) for name, settings in ran] == [(command, 8123)]


def test_python_dash_m_runs_main(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.argv", [PACKAGE, "--help"])
    with pytest.raises(SystemExit) as raised:
        runpy.run_module(PACKAGE, run_name="__main__")
    assert raised.value.code == 0


def test_the_command_line_imports_no_command_before_it_runs() -> None:
    """`--help`, usage and settings errors stay fast: no server, ORM or migration tool."""
    code = f"import sys; from {PACKAGE} import cli; print(' '.join(sys.modules))"
    run = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    heavy = {"uvicorn", "alembic", "sqlalchemy", "fastapi", "pydantic_settings", "argon2"}
    assert heavy.isdisjoint(run.stdout.split())


def test_every_command_has_a_handler() -> None:
    parser = cli.build_parser()
    for command in ("serve", "migrate"):
        args: argparse.Namespace = parser.parse_args([command])
        assert callable(args.handler)

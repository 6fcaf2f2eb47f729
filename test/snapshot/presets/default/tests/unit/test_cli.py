import argparse
import runpy

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
    monkeypatch.setattr(cli, command, lambda settings: ran.append((command, settings)))
    monkeypatch.setenv("PORT", "8123")
    assert cli.main([command]) == 0
    assert [(name, settings.port) for name, settings in ran] == [(command, 8123)]


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

"""Settings from the environment, through the command line and the app."""

import json

import pytest

from acme_api.cli import main
from acme_api.core.settings import load_settings

from tests.app_client import app_client


def test_cors_origins_from_the_environment_reach_the_app(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CORS_ORIGINS", "https://one.example,https://two.example")
    with app_client(load_settings()) as client:
        response = client.get("/ready", headers={"Origin": "https://two.example"})
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == "https://two.example"
    assert "x-request-id" in response.headers["access-control-expose-headers"].lower()


def test_commands_log_json_lines_when_asked(
    database_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LOG_FORMAT", "json")
    assert main(["migrate"]) == 0
    entries = [json.loads(line) for line in capsys.readouterr().err.splitlines()]
    assert entries
    assert all({"timestamp", "level", "message"} <= set(entry) for entry in entries)
    assert "database is up to date" in [entry["message"] for entry in entries]

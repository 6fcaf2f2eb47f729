"""`migrate` with Django's own migrate command replaced: what it runs and says, no database."""

import logging
from typing import Any

import pytest
from django.db import OperationalError

from acme_api.core.migrate import migrate
from acme_api.core.settings import ConfigError, Settings

# Set explicitly, as an operator's DATABASE_URL is: the database is never opened here.
SETTINGS = Settings(database_url="sqlite:///app.db")
CALL_COMMAND = "django.core.management.call_command"


def test_migrate_runs_djangos_migrate_and_says_so(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
    monkeypatch.setattr(CALL_COMMAND, lambda *args, **options: calls.append((args, options)))
    with caplog.at_level(logging.INFO):
        migrate(SETTINGS)
    assert calls == [(("migrate",), {"interactive": False, "verbosity": 0})]
    assert "database is up to date" in caplog.messages


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (OperationalError("unable to open database file\nmore"), "unable to open database file"),
        (OperationalError(), "OperationalError"),
    ],
)
def test_a_database_that_cannot_be_migrated_is_one_line(
    monkeypatch: pytest.MonkeyPatch, error: OperationalError, reason: str
) -> None:
    def refuse(*args: object, **options: object) -> None:
        raise error

    monkeypatch.setattr(CALL_COMMAND, refuse)
    with pytest.raises(ConfigError) as raised:
        migrate(SETTINGS)
    assert str(raised.value) == f"cannot migrate the database at DATABASE_URL: {reason}"

"""`migrate` with Django's own migrate command replaced: what it runs and says, no database."""

import logging
import sys
from types import ModuleType, SimpleNamespace
from typing import Any

import pytest
from django.db import OperationalError

from acme_api.core import migrate as migrate_module
from acme_api.core.migrate import choice, migrate, refusals
from acme_api.core.settings import ConfigError, Settings

# Set explicitly, as an operator's DATABASE_URL is: the database is never opened here.
SETTINGS = Settings(database_url="sqlite:///app.db")
CALL_COMMAND = "django.core.management.call_command"


@pytest.fixture(autouse=True)
def nothing_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pending migrations' questions need the database: none refuses unless a test says so."""
    monkeypatch.setattr(migrate_module, "refusals", list)


def test_migrate_runs_djangos_migrate_and_says_so(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
    monkeypatch.setattr(CALL_COMMAND, lambda *args, **options: calls.append((args, options)))
    with caplog.at_level(logging.INFO):
        migrate(SETTINGS)
    assert calls == [(("migrate",), {"interactive": False, "verbosity": 0})]
    assert "database is up to date" in caplog.messages


def test_the_migrations_read_the_command_lines_choices_while_they_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[object] = []
    monkeypatch.setattr(CALL_COMMAND, lambda *args, **options: seen.append(choice("owner")))
    migrate(SETTINGS, {"owner": "boss@example.com"})
    assert seen == ["boss@example.com"]
    assert choice("owner") is None


def test_a_refusal_stops_migrate_before_anything_is_applied(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A pending migration whose module refuses, and one whose module has nothing to say.
    module = ModuleType("pending_migration")
    module.__dict__["refuse"] = lambda connection: "items holds 1 row without an owner"
    monkeypatch.setitem(sys.modules, module.__name__, module)
    refusing = type("Migration", (), {"__module__": module.__name__})()
    plan = [(refusing, False), (object(), False)]

    class Executor:
        def __init__(self, connection: object) -> None:
            self.loader = SimpleNamespace(graph=SimpleNamespace(leaf_nodes=list))

        def migration_plan(self, targets: object) -> list[tuple[object, bool]]:
            return plan

    monkeypatch.setattr(migrate_module, "refusals", refusals)
    monkeypatch.setattr("django.db.migrations.executor.MigrationExecutor", Executor)
    monkeypatch.setattr(CALL_COMMAND, lambda *args, **options: pytest.fail("applied"))
    with pytest.raises(ConfigError) as raised:
        migrate(SETTINGS)
    assert str(raised.value) == "cannot migrate: items holds 1 row without an owner"


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

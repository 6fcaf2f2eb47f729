"""`migrate`: apply every Django migration to DATABASE_URL; running it again is harmless."""

import logging
import sys
from collections.abc import Mapping

from django.db import OperationalError

from .settings import ConfigError, Settings
from .setup import configure_django

logger = logging.getLogger(__name__)

# The database this project was generated for. Without DATABASE_URL the settings
# fall back to a SQLite file, which must not quietly stand in for the real server.
GENERATED_FOR = "sqlite"

# What `migrate` was told on its command line (`--owner`, say), for the migrations that read it.
_chosen: dict[str, object] = {}


class MigrationRefusedError(Exception):
    """A migration will not run on the data it finds; the message says what to do about it."""


def choice(name: str) -> object:
    """What `migrate` was told for `name`; None when Django's own `migrate` runs the migrations."""
    return _chosen.get(name)


def refusals() -> list[str]:
    """What the migrations still to apply say against this database's data.

    A migration's module may define `refuse(connection) -> str | None`. Each is asked
    before anything is applied: MySQL cannot roll back a table that an earlier
    migration of the same run created, so a refusal half-way would leave it behind.
    """
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    reasons: list[str] = []
    for migration, _backwards in executor.migration_plan(executor.loader.graph.leaf_nodes()):
        refuse = getattr(sys.modules[type(migration).__module__], "refuse", None)
        reason = refuse(connection) if refuse is not None else None
        if reason:
            reasons.append(str(reason))
    return reasons


def migrate(settings: Settings, choices: Mapping[str, object] | None = None) -> None:
    """Bring the database up to the newest migration of every app.

    `choices` are the command line's answers to what a migration may ask (who owns
    rows that gain an owner): the migrations read them with `choice`.
    """
    if GENERATED_FOR != "sqlite" and "database_url" not in settings.model_fields_set:
        msg = (
            f"DATABASE_URL is not set and this project is made for {GENERATED_FOR}: "
            "set it in the environment or in .env (see .env.example) to migrate that server"
        )
        raise ConfigError(msg)
    configure_django()
    from django.core.management import call_command

    _chosen.update(choices or {})
    try:
        reasons = refusals()
        if reasons:
            raise MigrationRefusedError("; ".join(reasons))
        call_command("migrate", interactive=False, verbosity=0)
    except OperationalError as error:
        # The driver's first line says why (refused, password, unknown database); no traceback.
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        msg = f"cannot migrate the database at DATABASE_URL: {reason}"
        raise ConfigError(msg) from None
    except MigrationRefusedError as error:
        # Migrations that will not run on this data, asked before any is applied:
        # the operator reads why and what to do, in one line.
        msg = f"cannot migrate: {error}"
        raise ConfigError(msg) from None
    finally:
        _chosen.clear()
    logger.info("database is up to date")

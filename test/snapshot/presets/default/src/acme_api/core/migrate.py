"""`migrate`: apply every Alembic migration to DATABASE_URL; running it again is harmless."""

import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING

from sqlalchemy import Connection
from sqlalchemy.exc import OperationalError

from ..migrations import MigrationRefusedError, set_choices
from .db import Database
from .settings import ConfigError, Settings

if TYPE_CHECKING:
    from alembic.config import Config

logger = logging.getLogger(__name__)

# Alembic announces each of its built-in plugins at INFO when it is first
# imported: no news to an operator. It is imported when a migration runs (the
# command line loads this module only for `migrate`), so after logging is set up.
logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)

# The package the revisions ship in (this module is its `core.migrate`).
PACKAGE = __name__.partition(".")[0]
# The database this project was generated for. Without DATABASE_URL the settings
# fall back to a SQLite file, which must not quietly stand in for the real server.
GENERATED_FOR = "sqlite"


def alembic_config() -> "Config":
    """Alembic's settings, in code: the scripts ship inside the package."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", f"{PACKAGE}:migrations")
    return config


def _refusals(config: "Config", connection: Connection) -> list[str]:
    """What the revisions still to apply say against this database's data.

    A revision may define `refuse(connection) -> str | None`. Each is asked before
    anything is applied: SQLite and MySQL cannot roll back a table that an earlier
    revision of the same run created, so a refusal half-way would leave it behind.
    """
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    applied = MigrationContext.configure(connection).get_current_revision() or "base"
    reasons: list[str] = []
    for revision in ScriptDirectory.from_config(config).iterate_revisions("heads", applied):
        refuse = getattr(revision.module, "refuse", None)
        reason = refuse(connection) if refuse is not None else None
        if reason:
            reasons.append(str(reason))
    return reasons


def migrate(settings: Settings, choices: Mapping[str, object] | None = None) -> None:
    """Upgrade the database to the newest revision.

    `choices` are the command line's answers to what a revision may ask (who owns
    rows that gain an owner): they reach the revisions on their connection.
    """
    if GENERATED_FOR != "sqlite" and "database_url" not in settings.model_fields_set:
        msg = (
            f"DATABASE_URL is not set and this project is made for {GENERATED_FOR}: "
            "set it in the environment or in .env (see .env.example) to migrate that server"
        )
        raise ConfigError(msg)
    from alembic import command

    config = alembic_config()
    database = Database(settings.database_url)
    try:
        # migrations/env.py runs on this connection; leaving the block commits.
        with database.engine.begin() as connection:
            set_choices(connection, choices or {})
            reasons = _refusals(config, connection)
            if reasons:
                raise MigrationRefusedError("; ".join(reasons))
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except OperationalError as error:
        # The driver's first line says why (refused, password, unknown database); no traceback.
        reason = str(error.orig).strip().splitlines()[0] if error.orig else type(error).__name__
        msg = f"cannot migrate the database at DATABASE_URL: {reason}"
        raise ConfigError(msg) from None
    except MigrationRefusedError as error:
        # Revisions that will not run on this data, asked before any is applied:
        # the operator reads why and what to do, in one line.
        msg = f"cannot migrate: {error}"
        raise ConfigError(msg) from None
    finally:
        database.dispose()
    logger.info("database is up to date")

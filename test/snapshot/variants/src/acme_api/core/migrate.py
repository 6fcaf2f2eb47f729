%%% if orm=sqlalchemy
"""`migrate`: apply every Alembic migration to DATABASE_URL; running it again is harmless."""
%%% end
%%% if orm=django
"""`migrate`: apply every Django migration to DATABASE_URL; running it again is harmless."""
%%% end

import logging
%%% if orm=django
import sys
%%% end
from collections.abc import Mapping
%%% if orm=sqlalchemy
from typing import TYPE_CHECKING
%%% end

%%% if orm=sqlalchemy
from sqlalchemy import Connection
from sqlalchemy.exc import OperationalError
%%% end
%%% if orm=django
from django.db import OperationalError
%%% end

%%% if orm=sqlalchemy
from ..migrations import MigrationRefusedError, set_choices
from .db import Database
%%% end
from .settings import ConfigError, Settings
%%% if orm=django
from .setup import configure_django
%%% end

%%% if orm=sqlalchemy
if TYPE_CHECKING:
    from alembic.config import Config

%%% end
logger = logging.getLogger(__name__)

%%% if orm=sqlalchemy
# Alembic announces each of its built-in plugins at INFO when it is first
# imported: no news to an operator. It is imported when a migration runs (the
# command line loads this module only for `migrate`), so after logging is set up.
logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)

# The package the revisions ship in (this module is its `core.migrate`).
PACKAGE = __name__.partition(".")[0]
%%% end
# The database this project was generated for. Without DATABASE_URL the settings
# fall back to a SQLite file, which must not quietly stand in for the real server.
%%% if db=sqlite
GENERATED_FOR = "sqlite"
%%% end
%%% if db=postgres
GENERATED_FOR = "postgres"
%%% end
%%% if db=mysql
GENERATED_FOR = "mysql"
%%% end

%%% if orm=django
# What `migrate` was told on its command line (`--owner`, say), for the migrations that read it.
_chosen: dict[str, object] = {}
%%% end

%%% if orm=sqlalchemy
def alembic_config() -> "Config":
    """Alembic's settings, in code: the scripts ship inside the package."""
    from alembic.config import Config
%%% end

%%% if orm=sqlalchemy
    config = Config()
    config.set_main_option("script_location", f"{PACKAGE}:migrations")
    return config
%%% end
%%% if orm=django
class MigrationRefusedError(Exception):
    """A migration will not run on the data it finds; the message says what to do about it."""
%%% end


%%% if orm=sqlalchemy
def _refusals(config: "Config", connection: Connection) -> list[str]:
    """What the revisions still to apply say against this database's data.
%%% end
%%% if orm=django
def choice(name: str) -> object:
    """What `migrate` was told for `name`; None when Django's own `migrate` runs the migrations."""
    return _chosen.get(name)
%%% end

%%% if orm=sqlalchemy
    A revision may define `refuse(connection) -> str | None`. Each is asked before
    anything is applied: SQLite and MySQL cannot roll back a table that an earlier
    revision of the same run created, so a refusal half-way would leave it behind.
%%% end
%%% if orm=django

def refusals() -> list[str]:
    """What the migrations still to apply say against this database's data.

    A migration's module may define `refuse(connection) -> str | None`. Each is asked
    before anything is applied: MySQL cannot roll back a table that an earlier
    migration of the same run created, so a refusal half-way would leave it behind.
%%% end
    """
%%% if orm=sqlalchemy
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory
%%% end
%%% if orm=django
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor
%%% end

%%% if orm=sqlalchemy
    applied = MigrationContext.configure(connection).get_current_revision() or "base"
%%% end
%%% if orm=django
    executor = MigrationExecutor(connection)
%%% end
    reasons: list[str] = []
%%% if orm=sqlalchemy
    for revision in ScriptDirectory.from_config(config).iterate_revisions("heads", applied):
        refuse = getattr(revision.module, "refuse", None)
%%% end
%%% if orm=django
    for migration, _backwards in executor.migration_plan(executor.loader.graph.leaf_nodes()):
        refuse = getattr(sys.modules[type(migration).__module__], "refuse", None)
%%% end
        reason = refuse(connection) if refuse is not None else None
        if reason:
            reasons.append(str(reason))
    return reasons


def migrate(settings: Settings, choices: Mapping[str, object] | None = None) -> None:
%%% if orm=sqlalchemy
    """Upgrade the database to the newest revision.
%%% end
%%% if orm=django
    """Bring the database up to the newest migration of every app.
%%% end

%%% if orm=sqlalchemy
    `choices` are the command line's answers to what a revision may ask (who owns
    rows that gain an owner): they reach the revisions on their connection.
%%% end
%%% if orm=django
    `choices` are the command line's answers to what a migration may ask (who owns
    rows that gain an owner): the migrations read them with `choice`.
%%% end
    """
    if GENERATED_FOR != "sqlite" and "database_url" not in settings.model_fields_set:
        msg = (
            f"DATABASE_URL is not set and this project is made for {GENERATED_FOR}: "
            "set it in the environment or in .env (see .env.example) to migrate that server"
        )
        raise ConfigError(msg)
%%% if orm=sqlalchemy
    from alembic import command
%%% end
%%% if orm=django
    configure_django()
    from django.core.management import call_command
%%% end

%%% if orm=sqlalchemy
    config = alembic_config()
    database = Database(settings.database_url)
%%% end
%%% if orm=django
    _chosen.update(choices or {})
%%% end
    try:
%%% if orm=sqlalchemy
        # migrations/env.py runs on this connection; leaving the block commits.
        with database.engine.begin() as connection:
            set_choices(connection, choices or {})
            reasons = _refusals(config, connection)
            if reasons:
                raise MigrationRefusedError("; ".join(reasons))
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
%%% end
%%% if orm=django
        reasons = refusals()
        if reasons:
            raise MigrationRefusedError("; ".join(reasons))
        call_command("migrate", interactive=False, verbosity=0)
%%% end
    except OperationalError as error:
        # The driver's first line says why (refused, password, unknown database); no traceback.
%%% if orm=sqlalchemy
        reason = str(error.orig).strip().splitlines()[0] if error.orig else type(error).__name__
%%% end
%%% if orm=django
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
%%% end
        msg = f"cannot migrate the database at DATABASE_URL: {reason}"
        raise ConfigError(msg) from None
    except MigrationRefusedError as error:
%%% if orm=sqlalchemy
        # Revisions that will not run on this data, asked before any is applied:
%%% end
%%% if orm=django
        # Migrations that will not run on this data, asked before any is applied:
%%% end
        # the operator reads why and what to do, in one line.
        msg = f"cannot migrate: {error}"
        raise ConfigError(msg) from None
    finally:
%%% if orm=sqlalchemy
        database.dispose()
%%% end
%%% if orm=django
        _chosen.clear()
%%% end
    logger.info("database is up to date")

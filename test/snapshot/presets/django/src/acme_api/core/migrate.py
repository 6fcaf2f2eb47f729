"""`migrate`: apply every Django migration to DATABASE_URL; running it again is harmless."""

import logging
from collections.abc import Mapping

from django.db import OperationalError

from .settings import ConfigError, Settings
from .setup import configure_django

logger = logging.getLogger(__name__)

# The database this project was generated for. Without DATABASE_URL the settings
# fall back to a SQLite file, which must not quietly stand in for the real server.
GENERATED_FOR = "sqlite"


def migrate(settings: Settings, choices: Mapping[str, object] | None = None) -> None:
    """Bring the database up to the newest migration of every app."""
    if GENERATED_FOR != "sqlite" and "database_url" not in settings.model_fields_set:
        msg = (
            f"DATABASE_URL is not set and this project is made for {GENERATED_FOR}: "
            "set it in the environment or in .env (see .env.example) to migrate that server"
        )
        raise ConfigError(msg)
    configure_django()
    from django.core.management import call_command

    try:
        call_command("migrate", interactive=False, verbosity=0)
    except OperationalError as error:
        # The driver's first line says why (refused, password, unknown database); no traceback.
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        msg = f"cannot migrate the database at DATABASE_URL: {reason}"
        raise ConfigError(msg) from None
    logger.info("database is up to date")

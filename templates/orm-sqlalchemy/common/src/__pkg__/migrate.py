"""`migrate`: apply every Alembic migration to DATABASE_URL; running it again is harmless."""

import logging

from alembic import command
from alembic.config import Config

from .db import Database
from .settings import Settings

logger = logging.getLogger(__name__)


def alembic_config() -> Config:
    """Alembic's settings, in code: the scripts ship inside the package."""
    config = Config()
    config.set_main_option("script_location", f"{__package__}:migrations")
    return config


def migrate(settings: Settings) -> None:
    """Upgrade the database to the newest revision."""
    config = alembic_config()
    database = Database(settings.database_url)
    try:
        # migrations/env.py runs on this connection; leaving the block commits.
        with database.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    finally:
        database.dispose()
    logger.info("database is up to date")

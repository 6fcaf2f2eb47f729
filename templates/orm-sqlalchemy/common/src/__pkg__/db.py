"""SQLAlchemy: the declarative base for models, and the engine and sessions."""

import logging
from typing import Any

from sqlalchemy import MetaData, create_engine, event, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase, sessionmaker
from sqlalchemy.pool import StaticPool

logger = logging.getLogger(__name__)

# Named constraints: Alembic can only alter or drop what it can name, and on
# SQLite (batch mode) unnamed constraints cannot be changed at all.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


# `sqlite:///:memory:`: a database that exists only inside this process (unit tests).
IN_MEMORY = "sqlite:///:memory:"


class Base(DeclarativeBase):
    """The base class of every model; its metadata is Alembic's target."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def sqlalchemy_url(database_url: str) -> str:
    """DATABASE_URL as SQLAlchemy wants it: with the driver this project installs."""
    if database_url.startswith("postgresql://"):
        return "postgresql+psycopg://" + database_url.removeprefix("postgresql://")
    return database_url  # sqlite:/// already names SQLAlchemy's default, the stdlib driver


# A database server that does not answer must not hold `/ready` or `migrate` for long.
CONNECT_TIMEOUT_SECONDS = 5


def connect_args(url: str) -> dict[str, Any]:
    """The driver's connection options for a SQLAlchemy `url`."""
    if url.startswith("sqlite"):
        # The server runs sync endpoints on a thread pool; SQLite must allow that.
        return {"check_same_thread": False}
    return {"connect_timeout": CONNECT_TIMEOUT_SECONDS}


def _enable_sqlite_foreign_keys(dbapi_connection: Any, _record: Any) -> None:
    # SQLite ignores foreign keys unless each connection asks for them.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


class Database:
    """One engine per process, and the sessions made from it."""

    def __init__(self, database_url: str) -> None:
        url = sqlalchemy_url(database_url)
        is_sqlite = url.startswith("sqlite")
        self.engine = create_engine(
            url,
            connect_args=connect_args(url),
            pool_pre_ping=True,
            # An in-memory SQLite database lives as long as its one connection: share it.
            **({"poolclass": StaticPool} if url == IN_MEMORY else {}),
        )
        if is_sqlite:
            event.listen(self.engine, "connect", _enable_sqlite_foreign_keys)
        # `with database.sessions() as session:` for a unit of work.
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    def ping(self) -> bool:
        """Whether the database answers `SELECT 1` now."""
        try:
            with self.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except SQLAlchemyError as error:
            logger.warning("database check failed: %s", type(error).__name__)
            return False
        return True

    def dispose(self) -> None:
        """Close the pooled connections."""
        self.engine.dispose()

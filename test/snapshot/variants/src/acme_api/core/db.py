%%% if orm=sqlalchemy
"""SQLAlchemy: the declarative base for models, and the engine and sessions."""
%%% end
%%% if orm=django
"""DATABASE_URL, already checked by core/settings.py, as Django's DATABASES entry."""
%%% end

%%% if orm=sqlalchemy
import importlib
import logging
import pkgutil
from pathlib import Path
%%% end
from typing import Any
%%% if orm=django
from urllib.parse import parse_qsl, unquote, urlsplit
%%% end

%%% if orm=sqlalchemy
from sqlalchemy import MetaData, create_engine, event, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase, sessionmaker
from sqlalchemy.pool import StaticPool

from .settings import DATABASE_DRIVERS

logger = logging.getLogger(__name__)

# Named constraints: Alembic can only alter or drop what it can name, and on
# SQLite (batch mode) unnamed constraints cannot be changed at all.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
%%% end
%%% if orm=django
# Seconds a SQLite writer waits for another one before giving up.
SQLITE_BUSY_SECONDS = 5
# Seconds to wait for a database server to accept a connection: /ready answers 503, not never.
CONNECT_TIMEOUT_SECONDS = 5
_ENGINES = {
    "postgresql": "django.db.backends.postgresql",
    # Django's MySQL backend over PyMySQL (core/mysql, in projects made for MySQL).
    "mysql": "acme_api.core.mysql",
%%% end
}
%%% if orm=django
# MySQL and MariaDB sessions as PostgreSQL's are by default: full Unicode, a value
# that does not fit is an error (not silently cut or zeroed, whatever the server's
# own sql_mode says), and READ COMMITTED, so a transaction sees what others committed.
_SESSIONS: dict[str, dict[str, Any]] = {
    "mysql": {
        "charset": "utf8mb4",
        "init_command": (
            "SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE,"
            "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'"
        ),
        "isolation_level": "read committed",
    },
}
# The test databases Django makes: text compared exactly, as the tables the SQLAlchemy
# stack creates are (a server's default collation, e.g. utf8mb4_general_ci, ignores case).
_TEST_DATABASES: dict[str, dict[str, str]] = {
    "mysql": {"CHARSET": "utf8mb4", "COLLATION": "utf8mb4_bin"},
}
%%% end


%%% if orm=sqlalchemy
# `sqlite:///:memory:`: a database that exists only inside this process (unit tests).
IN_MEMORY = "sqlite:///:memory:"


class Base(DeclarativeBase):
    """The base class of every model; its metadata is Alembic's target."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    # Every table's options: on SQLite, AUTOINCREMENT so that ids are never reused
    # after a delete; on MySQL, full Unicode (utf8mb4) compared exactly, as elsewhere.
    __table_args__ = {  # noqa: RUF012 - SQLAlchemy reads it, nothing changes it
        "sqlite_autoincrement": True,
        "mysql_charset": "utf8mb4",
        "mysql_collate": "utf8mb4_bin",
%%% end
%%% if orm=django
def django_database(url: str) -> dict[str, Any]:
    """`sqlite:///app.db`, `postgresql://...` or `mysql://...` as a DATABASES entry."""
    scheme, _, rest = url.partition("://")
    if scheme == "sqlite":
        return {
            "ENGINE": "django.db.backends.sqlite3",
            # sqlite:///relative.db is relative to the working directory, as everywhere.
            "NAME": rest.removeprefix("/"),
            "OPTIONS": {
                # Writers queue instead of failing at once; readers never block writers.
                "timeout": SQLITE_BUSY_SECONDS,
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON;",
            },
            # Each thread keeps its connection: a SQLite one holds no server's resources,
            # and closing the last one checkpoints and removes the WAL files, which the
            # next request would make again.
            "CONN_MAX_AGE": None,
        }
    parts = urlsplit(url)
    return {
        "ENGINE": _ENGINES[scheme],
        "NAME": unquote(parts.path.removeprefix("/")),
        "USER": unquote(parts.username or ""),
        "PASSWORD": unquote(parts.password or ""),
        "HOST": parts.hostname or "",
        "PORT": str(parts.port or ""),
        "OPTIONS": {
            "connect_timeout": CONNECT_TIMEOUT_SECONDS,
            **_SESSIONS.get(scheme, {}),
            **dict(parse_qsl(parts.query)),
        },
        # A connection per request, closed after it: none is held between requests.
        "CONN_MAX_AGE": 0,
        **({"TEST": dict(_TEST_DATABASES[scheme])} if scheme in _TEST_DATABASES else {}),
%%% end
    }

%%% if orm=sqlalchemy

def import_models() -> None:
    """Import every feature's `models` module, so every table is in `Base.metadata`.

    Models live with their feature (`auth/models.py`, `items/models.py`); Alembic's
    environment calls this, so a new feature's tables need no registration.
    """
    root = __name__.partition(".")[0]
    for module in pkgutil.walk_packages([str(Path(__file__).parents[1])], f"{root}."):
        if module.name.rpartition(".")[2] == "models":
            importlib.import_module(module.name)


def sqlalchemy_url(database_url: str) -> str:
    """DATABASE_URL as SQLAlchemy wants it: with the driver this project installs.

    sqlite:/// already names SQLAlchemy's default, the stdlib driver.
    """
    scheme, separator, rest = database_url.partition("://")
    driver = DATABASE_DRIVERS.get(scheme)
    return f"{scheme}+{driver}{separator}{rest}" if driver else database_url


# A database server that does not answer must not hold `/ready` or `migrate` for long.
CONNECT_TIMEOUT_SECONDS = 5
# How long a SQLite write waits for another connection's to finish. SQLite writes
# one at a time; under hundreds of concurrent writes the driver's default (5 s)
# turned the wait into "database is locked" 500s.
SQLITE_BUSY_TIMEOUT_SECONDS = 30


# MySQL and MariaDB sessions as PostgreSQL's are by default: full Unicode, and a
# value that does not fit is an error, not silently cut or zeroed, whatever the
# server's own sql_mode says.
MYSQL_SESSION = {
    "charset": "utf8mb4",
    "init_command": (
        "SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE,"
        "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'"
    ),
}


def connect_args(url: str) -> dict[str, Any]:
    """The driver's connection options for a SQLAlchemy `url`."""
    if url.startswith("sqlite"):
        # The server runs sync endpoints on a thread pool; SQLite must allow that.
        return {"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_SECONDS}
    if url.startswith("mysql"):
        return {"connect_timeout": CONNECT_TIMEOUT_SECONDS, **MYSQL_SESSION}
    return {"connect_timeout": CONNECT_TIMEOUT_SECONDS}


# Connections in one process's pool, and so the sessions it serves at once: a
# request takes its session only when one is free (the web layer waits for that
# without holding a worker thread), so no request waits on the pool while holding
# a thread that the requests holding connections need to finish.
POOL_SIZE = 10


def engine_options(url: str) -> dict[str, Any]:
    """What a SQLAlchemy `url`'s engine needs besides the connection options."""
    if url == IN_MEMORY:
        # An in-memory SQLite database lives as long as its one connection: share it.
        return {"poolclass": StaticPool}
    pool = {"pool_size": POOL_SIZE, "max_overflow": 0}
    if url.startswith("mysql"):
        # READ COMMITTED, as PostgreSQL: a transaction sees what others committed.
        # Recycled before the server's wait_timeout (8 hours by default) closes it.
        return {**pool, "isolation_level": "READ COMMITTED", "pool_recycle": 3600}
    return pool


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
            # A server can drop a pooled connection (restart, failover), so each is
            # checked before use; a SQLite file has none to lose, so no `SELECT 1`
            # ahead of every request's first query.
            pool_pre_ping=not is_sqlite,
            # Errors and their logs show the SQL, never its values (emails, password hashes).
            hide_parameters=True,
            **engine_options(url),
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

%%% end
"""Databases for the tests: a fresh, empty one per use, never the development database.

%%% if db=sqlite
SQLite: a new file in the test's own temporary folder.
%%% end
%%% if db=postgres
PostgreSQL: a new database on the server at TEST_DATABASE_ADMIN_URL (a role that
may CREATE DATABASE), dropped afterwards. A server that does not answer fails the
tests, it does not skip them: a green run means they ran.
%%% end
%%% if db=mysql
MySQL or MariaDB: a new database on the server at TEST_DATABASE_ADMIN_URL (a user
that may CREATE DATABASE), dropped afterwards. A server that does not answer fails
the tests, it does not skip them: a green run means they ran.
%%% end
"""

%%% if db=postgres | db=mysql
import os
import re
import secrets
%%% end
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
%%% if db=postgres
from typing import Any
%%% end
%%% if orm=sqlalchemy db=postgres | orm=sqlalchemy db=mysql | orm=django db=postgres
from urllib.parse import urlsplit, urlunsplit
%%% end
%%% if orm=django db=mysql
from urllib.parse import unquote, urlsplit, urlunsplit
%%% end

%%% if db=postgres
import psycopg
%%% end
%%% if orm=django db=mysql
import pymysql
%%% end
%%% if db=postgres | db=mysql
import pytest
%%% end
%%% if db=postgres
from psycopg import sql
%%% end
%%% if orm=sqlalchemy db=mysql
from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError
%%% end

%%% if orm=sqlalchemy db=postgres | orm=django db=postgres | orm=django db=mysql
from acme_api.core.db import CONNECT_TIMEOUT_SECONDS
%%% end
%%% if orm=sqlalchemy db=mysql
from acme_api.core.db import Database
%%% end
%%% if db=postgres | db=mysql

ADMIN_URL_VARIABLE = "TEST_DATABASE_ADMIN_URL"
%%% end
%%% if db=postgres
# The user, password and database of the README's development server.
DEFAULT_ADMIN_URL = "postgresql://app:app@localhost:5432/app"
%%% end
%%% if db=mysql
# The root user of the README's throwaway server (and of compose.yaml's).
DEFAULT_ADMIN_URL = "mysql://root:root@localhost:3306/mysql"
%%% end
%%% if db=postgres | db=mysql

# Read as the tests start: each test runs with the settings variables cleared.
_DEVELOPMENT_URL = os.environ.get("DATABASE_URL", "")


def admin_url() -> str:
    """Where the test databases are made: TEST_DATABASE_ADMIN_URL if set.

%%% end
%%% if db=postgres
    Else the server of DATABASE_URL, when that is a PostgreSQL URL: the tests make
%%% end
%%% if db=mysql
    Else the server of DATABASE_URL, when that is a MySQL URL: the tests make
%%% end
%%% if db=postgres | db=mysql
    databases of their own beside the development one, as Django's test runner
    does, and never touch it. Else the default.
    """
    given = os.environ.get(ADMIN_URL_VARIABLE)
    if given:
        return given
%%% end
%%% if db=postgres
    return _DEVELOPMENT_URL if _DEVELOPMENT_URL.startswith("postgresql://") else DEFAULT_ADMIN_URL
%%% end
%%% if db=mysql
    return _DEVELOPMENT_URL if _DEVELOPMENT_URL.startswith("mysql://") else DEFAULT_ADMIN_URL
%%% end
%%% if db=postgres | db=mysql


def _redacted(url: str) -> str:
    return re.sub(r"//([^:/@]*):[^@/]*@", r"//\1:***@", url)


%%% end
%%% if db=postgres
def _admin_connection(url: str) -> psycopg.Connection[tuple[Any, ...]]:
%%% end
%%% if orm=sqlalchemy db=mysql
@contextmanager
def _admin(url: str) -> Iterator[Connection]:
    """A connection to the server as the admin user, through the app's own driver settings."""
    server = Database(url)
%%% end
%%% if orm=django db=mysql
def _admin_connection(url: str) -> pymysql.connections.Connection:
    parts = urlsplit(url)
%%% end
%%% if db=postgres | db=mysql
    try:
%%% end
%%% if db=postgres
        return psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_SECONDS)
    except psycopg.OperationalError as error:
%%% end
%%% if orm=django db=mysql
        return pymysql.connect(
            host=parts.hostname or "localhost",
            port=parts.port or 3306,
            user=unquote(parts.username or ""),
            password=unquote(parts.password or ""),
            database=unquote(parts.path.removeprefix("/")) or None,
            autocommit=True,
            connect_timeout=CONNECT_TIMEOUT_SECONDS,
        )
    except pymysql.MySQLError as error:
%%% end
%%% if orm=sqlalchemy db=postgres | orm=django db=postgres | orm=django db=mysql
        reason = (str(error).strip() or type(error).__name__).splitlines()[0]
%%% end
%%% if orm=sqlalchemy db=mysql
        with server.engine.connect() as connection:
            yield connection.execution_options(isolation_level="AUTOCOMMIT")
    except DBAPIError as error:
        reason = (str(error.orig).strip() or type(error.orig).__name__).splitlines()[0]
    else:
        return
    finally:
        server.dispose()
%%% end
%%% if db=postgres | db=mysql
    # Outside the `except`: the reason is all there is to say, without a traceback.
    pytest.fail(
%%% end
%%% if db=postgres
        f"the tests cannot use the PostgreSQL server at {_redacted(url)}: {reason}. "
%%% end
%%% if db=mysql
        f"the tests cannot use the MySQL server at {_redacted(url)}: {reason}. "
%%% end
%%% if db=postgres | db=mysql
        f"Start one (see README.md) or set {ADMIN_URL_VARIABLE}.",
        pytrace=False,
    )


%%% end
@contextmanager
def isolated_database(tmp_path: Path, name: str) -> Iterator[str]:
%%% if db=sqlite
    """The DATABASE_URL of a new, empty database, deleted afterwards."""
    path = tmp_path / f"{name}.db"
    if path.exists():
        msg = f"{path} exists already: give each database of a test its own name"
        raise FileExistsError(msg)
%%% end
%%% if db=postgres | db=mysql
    """The DATABASE_URL of a new, empty database, dropped afterwards.

    `name` says which tests made it (`test_<name>_<random>`); `tmp_path` is where
    SQLite would keep its file, unused here.
    """
    server = admin_url()
    database = f"test_{re.sub(r'[^a-z0-9_]', '_', name.lower())[:40]}_{secrets.token_hex(4)}"
%%% end
%%% if db=postgres
    with _admin_connection(server) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database)))
%%% end
%%% if orm=sqlalchemy db=mysql
    with _admin(server) as admin:
        quoted = admin.dialect.identifier_preparer.quote(database)
        admin.execute(text(f"CREATE DATABASE {quoted} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"))
%%% end
%%% if orm=django db=mysql
    # The name is [a-z0-9_] only, so quoting it in backticks is all it needs.
    quoted = f"`{database}`"
    with _admin_connection(server) as admin, admin.cursor() as cursor:
        cursor.execute(f"CREATE DATABASE {quoted} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin")
%%% end
    try:
%%% if db=sqlite
        yield f"sqlite:///{path}"
%%% end
%%% if db=postgres | db=mysql
        yield urlunsplit(urlsplit(server)._replace(path=f"/{database}"))
%%% end
    finally:
%%% if db=sqlite
        path.unlink(missing_ok=True)
%%% end
%%% if db=postgres
        # FORCE (PostgreSQL 13+): a server process a test left running must not keep it alive.
        with _admin_connection(server) as admin:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(database))
%%% end
%%% if orm=sqlalchemy db=mysql
        with _admin(server) as admin:
%%% end
%%% if orm=django db=mysql
        with _admin_connection(server) as admin, admin.cursor() as cursor:
%%% end
%%% if db=mysql
            # MySQL has no DROP ... FORCE: end what a test left connected, so the
            # drop cannot wait on its locks.
%%% end
%%% if orm=sqlalchemy db=mysql
            left = admin.execute(
                text("SELECT id FROM information_schema.processlist WHERE db = :name"),
                {"name": database},
%%% end
%%% if orm=django db=mysql
            cursor.execute(
                "SELECT id FROM information_schema.processlist WHERE db = %s", (database,)
%%% end
%%% if db=postgres | db=mysql
            )
%%% end
%%% if orm=sqlalchemy db=mysql
            for (thread,) in left.all():
                admin.execute(text(f"KILL {int(thread)}"))
            admin.execute(text(f"DROP DATABASE IF EXISTS {quoted}"))
%%% end
%%% if orm=django db=mysql
            for (thread,) in cursor.fetchall():
                cursor.execute(f"KILL {int(thread)}")
            cursor.execute(f"DROP DATABASE IF EXISTS {quoted}")
%%% end

"""Databases for the tests: a fresh, empty one per use, never the development database.

%%% if db=sqlite
SQLite: a new file in the test's own temporary folder.
%%% end
%%% if db=postgres
PostgreSQL: a new database on the server at TEST_DATABASE_ADMIN_URL (a role that
may CREATE DATABASE), dropped afterwards. A server that does not answer fails the
tests, it does not skip them: a green run means they ran.
%%% end
"""

%%% if db=postgres
import os
import re
import secrets
%%% end
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
%%% if db=postgres
from typing import Any
from urllib.parse import urlsplit, urlunsplit
%%% end

%%% if db=postgres
import psycopg
import pytest
from psycopg import sql
%%% end

%%% if db=postgres
from acme_api.db import CONNECT_TIMEOUT_SECONDS

ADMIN_URL_VARIABLE = "TEST_DATABASE_ADMIN_URL"
# The user, password and database of the README's development server.
DEFAULT_ADMIN_URL = "postgresql://app:app@localhost:5432/app"


def admin_url() -> str:
    """Where the test databases are made: TEST_DATABASE_ADMIN_URL, or the default."""
    return os.environ.get(ADMIN_URL_VARIABLE) or DEFAULT_ADMIN_URL


def _redacted(url: str) -> str:
    return re.sub(r"//([^:/@]*):[^@/]*@", r"//\1:***@", url)


def _admin_connection(url: str) -> psycopg.Connection[tuple[Any, ...]]:
    try:
        return psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_SECONDS)
    except psycopg.OperationalError as error:
        reason = (str(error).strip() or type(error).__name__).splitlines()[0]
    # Outside the `except`: the reason is all there is to say, without a traceback.
    pytest.fail(
        f"the tests cannot use the PostgreSQL server at {_redacted(url)}: {reason}. "
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
%%% if db=postgres
    """The DATABASE_URL of a new, empty database, dropped afterwards.

    `name` says which tests made it (`test_<name>_<random>`); `tmp_path` is where
    SQLite would keep its file, unused here.
    """
    server = admin_url()
    database = f"test_{re.sub(r'[^a-z0-9_]', '_', name.lower())[:40]}_{secrets.token_hex(4)}"
    with _admin_connection(server) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database)))
%%% end
    try:
%%% if db=sqlite
        yield f"sqlite:///{path}"
%%% end
%%% if db=postgres
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
            )
%%% end

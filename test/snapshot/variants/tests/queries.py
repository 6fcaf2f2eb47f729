%%% if orm=sqlalchemy
"""The SQL statements a block of requests runs, counted where the engine sends them."""
%%% end
%%% if orm=django
"""The SQL statements a block of requests runs, as Django's connection records them."""
%%% end

from collections.abc import Iterator
from contextlib import contextmanager
%%% if orm=sqlalchemy
from typing import Any
%%% end

import httpx2
%%% if orm=sqlalchemy
from sqlalchemy import event
%%% end
%%% if orm=django
from django.db import connection
from django.test.utils import CaptureQueriesContext
%%% end

%%% if orm=sqlalchemy
from tests.app_client import database_of
%%% end

%%% if orm=sqlalchemy

%%% end
@contextmanager
def counted_queries(client: httpx2.Client) -> Iterator[list[str]]:
%%% if orm=sqlalchemy
    """Every statement the app behind `client` runs inside the block."""
    engine = database_of(client).engine
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(args[2])

    event.listen(engine, "before_cursor_execute", count)
    try:
%%% end
%%% if orm=django
    """Every statement run inside the block (the app runs in this process, on this connection)."""
    with CaptureQueriesContext(connection) as captured:
        statements: list[str] = []
%%% end
        yield statements
%%% if orm=sqlalchemy
    finally:
        event.remove(engine, "before_cursor_execute", count)
%%% end
%%% if orm=django
    statements.extend(query["sql"] for query in captured.captured_queries)
%%% end

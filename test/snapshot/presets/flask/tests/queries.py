"""The SQL statements a block of requests runs, counted where the engine sends them."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx2
from sqlalchemy import event

from tests.app_client import database_of


@contextmanager
def counted_queries(client: httpx2.Client) -> Iterator[list[str]]:
    """Every statement the app behind `client` runs inside the block."""
    engine = database_of(client).engine
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(args[2])

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)

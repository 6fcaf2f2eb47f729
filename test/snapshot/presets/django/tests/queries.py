"""The SQL statements a block of requests runs, as Django's connection records them."""

from collections.abc import Iterator
from contextlib import contextmanager

import httpx2
from django.db import connection
from django.test.utils import CaptureQueriesContext


@contextmanager
def counted_queries(client: httpx2.Client) -> Iterator[list[str]]:
    """Every statement run inside the block (the app runs in this process, on this connection)."""
    with CaptureQueriesContext(connection) as captured:
        statements: list[str] = []
        yield statements
    statements.extend(query["sql"] for query in captured.captured_queries)

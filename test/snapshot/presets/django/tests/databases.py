"""Databases for the tests: a fresh, empty one per use, never the development database.

SQLite: a new file in the test's own temporary folder.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def isolated_database(tmp_path: Path, name: str) -> Iterator[str]:
    """The DATABASE_URL of a new, empty database, deleted afterwards."""
    path = tmp_path / f"{name}.db"
    if path.exists():
        msg = f"{path} exists already: give each database of a test its own name"
        raise FileExistsError(msg)
    try:
        yield f"sqlite:///{path}"
    finally:
        path.unlink(missing_ok=True)

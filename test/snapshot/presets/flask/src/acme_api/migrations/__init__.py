"""Alembic migrations; they ship inside the package so `migrate` works when installed."""


class MigrationRefusedError(Exception):
    """A revision will not run on the data it finds; the message says what to do about it."""

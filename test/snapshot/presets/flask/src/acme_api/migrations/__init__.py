"""Alembic migrations; they ship inside the package so `migrate` works when installed."""

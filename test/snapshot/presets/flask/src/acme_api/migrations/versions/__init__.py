"""Revision scripts, made with `alembic revision --autogenerate -m "..."`."""

"""FastAPI dependencies shared by the routes."""

from fastapi import Request

from .db import Database


def get_database(request: Request) -> Database:
    """The app's database, created once by `create_app`."""
    database: Database = request.app.state.database
    return database

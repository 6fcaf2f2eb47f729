"""What `create_app` attaches to the app, and how a request reaches it."""

from flask import Flask, current_app

from .db import Database
from .settings import Settings

_SETTINGS = "settings"
_DATABASE = "database"


def install_extensions(app: Flask, settings: Settings, database: Database) -> None:
    app.extensions[_SETTINGS] = settings
    app.extensions[_DATABASE] = database


def current_settings() -> Settings:
    """The settings the serving app was created with."""
    settings: Settings = current_app.extensions[_SETTINGS]
    return settings


def current_database() -> Database:
    """The serving app's database, created once by `create_app`."""
    database: Database = current_app.extensions[_DATABASE]
    return database

"""Alembic environment: migrates the connection `migrate` hands over, or DATABASE_URL.

Alembic runs this file by path, outside the package, hence absolute imports.
"""

from alembic import context
from sqlalchemy import Connection

from acme_api.core import db, settings


def _run_on(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=db.Base.metadata,
        # SQLite cannot ALTER most things; batch mode copies the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run_on(connection)
        return
    # Run by the alembic command line: connect as the app would.
    database = db.Database(settings.load_settings().database_url)
    try:
        with database.engine.begin() as own_connection:
            _run_on(own_connection)
    finally:
        database.dispose()


def run_offline() -> None:
    # `alembic upgrade --sql`: print the SQL instead of running it.
    url = db.sqlalchemy_url(settings.load_settings().database_url)
    context.configure(
        url=url,
        target_metadata=db.Base.metadata,
        literal_binds=True,
        render_as_batch=url.startswith("sqlite"),
    )
    with context.begin_transaction():
        context.run_migrations()


db.import_models()
if context.is_offline_mode():
    run_offline()
else:
    run_online()

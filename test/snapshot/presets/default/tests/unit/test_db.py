from pathlib import Path

from acme_api import db


def test_postgresql_urls_get_the_installed_driver() -> None:
    url = db.sqlalchemy_url("postgresql://u:p@db:5432/shop")
    assert url == "postgresql+psycopg://u:p@db:5432/shop"


def test_sqlite_urls_are_already_sqlalchemy_urls() -> None:
    assert db.sqlalchemy_url("sqlite:////abs/app.db") == "sqlite:////abs/app.db"


def test_ping_is_false_when_the_database_cannot_be_opened(tmp_path: Path) -> None:
    database = db.Database(f"sqlite:///{tmp_path / 'missing' / 'app.db'}")
    try:
        assert database.ping() is False
    finally:
        database.dispose()

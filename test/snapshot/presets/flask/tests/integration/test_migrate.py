from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from acme_api.cli import main
from acme_api.core.db import Base, Database, import_models
from acme_api.core.migrate import alembic_config

from tests.databases import isolated_database


def _current_revisions(url: str) -> set[str]:
    database = Database(url)
    try:
        with database.engine.connect() as connection:
            return set(MigrationContext.configure(connection).get_current_heads())
    finally:
        database.dispose()


def test_migrate_reaches_head_and_twice_is_harmless(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    heads = set(ScriptDirectory.from_config(alembic_config()).get_heads())
    with isolated_database(tmp_path, "migrate_twice") as url:
        monkeypatch.setenv("DATABASE_URL", url)
        assert main(["migrate"]) == 0
        assert _current_revisions(url) == heads
        assert main(["migrate"]) == 0
        assert _current_revisions(url) == heads


def test_the_migrations_and_the_models_agree(database_url: str) -> None:
    """A model changed without a migration (or the reverse) shows up here as a diff."""
    # Every feature's models, as migrations/env.py imports them for autogenerate.
    import_models()
    database = Database(database_url)
    try:
        with database.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            differences = compare_metadata(context, Base.metadata)
    finally:
        database.dispose()
    assert differences == [], "write a migration: uv run alembic revision --autogenerate"


def test_migrate_with_a_bad_url_says_why(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", "mariadb://root@localhost/shop")
    assert main(["migrate"]) == 1
    assert capsys.readouterr().err.startswith("error: DATABASE_URL: must look like")


def test_migrate_that_cannot_open_its_database_says_why_in_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/no/such/folder/app.db")
    assert main(["migrate"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: cannot migrate the database at DATABASE_URL: ")
    assert err.count("\n") == 1

from pathlib import Path

import pytest
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

from acme_api.cli import main
from acme_api.migrate import alembic_config


def _current_revisions(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return set(MigrationContext.configure(connection).get_current_heads())
    finally:
        engine.dispose()


def test_migrate_reaches_head_and_twice_is_harmless(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'twice.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    heads = set(ScriptDirectory.from_config(alembic_config()).get_heads())
    assert main(["migrate"]) == 0
    assert _current_revisions(url) == heads
    assert main(["migrate"]) == 0
    assert _current_revisions(url) == heads


def test_migrate_with_a_bad_url_says_why(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", "mysql://root@localhost/shop")
    assert main(["migrate"]) == 1
    assert capsys.readouterr().err.startswith("error: DATABASE_URL: must look like")

"""The users' commands: `set-password`, and `migrate --owner EMAIL`, which gives
rows from before their table had owners to that user.

Beside the test layers rather than in one, so every project with users runs it:
served requests never reach these commands.
"""

from collections.abc import Iterator
from pathlib import Path

import pytest

from acme_api.auth.models import User
from acme_api.auth.passwords import hash_password, verify_password
from acme_api.auth.repository import UserRepository
from acme_api.cli import main
from acme_api.core.db import Database

pytestmark = pytest.mark.unit


@pytest.fixture
def migrated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    """A migrated SQLite file that DATABASE_URL names, for the command line too."""
    url = f"sqlite:///{tmp_path / 'users.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    assert main(["migrate"]) == 0
    database = Database(url)
    yield database
    database.dispose()


def _user(database: Database, email: str) -> User | None:
    with database.sessions() as session:
        return UserRepository(session).by_email(email)


def test_set_password_gives_a_user_a_new_one(migrated: Database) -> None:
    with migrated.sessions.begin() as session:
        UserRepository(session).add(
            User(email="someone@example.com", password_hash=hash_password("the old one"))
        )
    assert main(["set-password", "--email", "Someone@Example.com", "--password", "a new one"]) == 0
    user = _user(migrated, "someone@example.com")
    assert user is not None
    assert verify_password(user.password_hash, "a new one")
    assert not verify_password(user.password_hash, "the old one")


def test_set_password_refuses_an_unknown_user_and_a_short_password(
    migrated: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["set-password", "--email", "nobody@example.com", "--password", "long enough"]) == 1
    assert "set-password: no user has the email nobody@example.com" in capsys.readouterr().err
    assert main(["set-password", "--email", "nobody@example.com", "--password", "short"]) == 1
    assert "set-password: password: " in capsys.readouterr().err


def test_migrate_takes_an_owner_only_as_an_email(
    migrated: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["migrate", "--owner", "Boss@Example.com"]) == 0
    with pytest.raises(SystemExit) as usage:
        main(["migrate", "--owner", "not an email"])
    assert usage.value.code == 2
    assert "--owner: not an email address" in capsys.readouterr().err

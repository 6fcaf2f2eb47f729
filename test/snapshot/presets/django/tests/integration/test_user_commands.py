"""The users' command `set-password`, run in-process on the test database.

Beside the test layers rather than in one, so every project with users runs it:
served requests never reach these commands.
"""

import pytest

from acme_api.auth.models import User
from acme_api.cli import main

pytestmark = pytest.mark.django_db


def test_set_password_gives_a_user_a_new_one() -> None:
    User.objects.create_user(email="someone@example.com", password="the old one")
    assert main(["set-password", "--email", "Someone@Example.com", "--password", "a new one"]) == 0
    user = User.objects.get(email="someone@example.com")
    assert user.check_password("a new one")
    assert not user.check_password("the old one")


def test_set_password_refuses_an_unknown_user_and_a_short_password(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["set-password", "--email", "nobody@example.com", "--password", "long enough"]) == 1
    assert "set-password: no user has the email nobody@example.com" in capsys.readouterr().err
    assert main(["set-password", "--email", "nobody@example.com", "--password", "short"]) == 1
    assert "set-password: password: " in capsys.readouterr().err

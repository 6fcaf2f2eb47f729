"""`python -m <package> set-password --email E --password P`, and `migrate --owner EMAIL`.

cli.py imports this module to register them for every command line, `--help`
included: the database, models and hashing are imported only when one runs.
"""

import argparse
import logging
from typing import TYPE_CHECKING

from .emails import normalize_email, owner_email

if TYPE_CHECKING:
    from pydantic import ValidationError

    from ..core.settings import Settings

logger = logging.getLogger(__name__)


def input_problems(error: "ValidationError") -> str:
    """A command's invalid input in one line: `field: why; other: why`."""
    return "; ".join(
        f"{'.'.join(map(str, e['loc']))}: {e['msg']}"
        for e in error.errors(include_url=False, include_input=False)
    )


def set_password(settings: "Settings", email: str, password: str) -> bool:
    """Give that user a new password; False when there is no such user."""
    from ..core.db import Database
    from .passwords import hash_password
    from .repository import UserRepository
    from .schemas import Registration

    # The rules a registration's password and email follow.
    valid = Registration(email=email, password=password)
    database = Database(settings.database_url)
    try:
        with database.sessions.begin() as session:
            user = UserRepository(session).by_email(valid.email)
            if user is None:
                return False
            user.password_hash = hash_password(valid.password)
            return True
    finally:
        database.dispose()


def _set_password(settings: "Settings", args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    try:
        done = set_password(settings, args.email, args.password)
    except ValidationError as error:
        logger.error("set-password: %s", input_problems(error))
        return 1
    if not done:
        logger.error("set-password: no user has the email %s", normalize_email(args.email))
        return 1
    # The email only: the password never reaches a log.
    logger.info("password set: %s", normalize_email(args.email))
    return 0


def add_user_commands(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Register `set-password`, and `--owner` on `migrate`."""
    parser = commands.add_parser("set-password", help="set a user's password")
    parser.add_argument("--email", required=True)
    parser.add_argument("--password", required=True)
    parser.set_defaults(handler=_set_password)
    commands.choices["migrate"].add_argument(
        "--owner",
        metavar="EMAIL",
        type=owner_email,
        help="the user who owns rows from before their table had owners (made if new)",
    )

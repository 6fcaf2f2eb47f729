"""`python -m <package> create-admin --email E --password P`.

cli.py imports this module to register the command for every command line,
`--help` included: the database, models and hashing are imported only when
the command runs.
"""

import argparse
import logging
from typing import TYPE_CHECKING

from ..auth.commands import input_problems

if TYPE_CHECKING:
    from ..core.settings import Settings

logger = logging.getLogger(__name__)


def create_admin(settings: "Settings", email: str, password: str) -> str:
    """Create that user as an admin, or promote an existing one; what was done."""
    from ..auth.models import User
    from ..auth.passwords import hash_password
    from ..auth.repository import UserRepository
    from ..auth.schemas import Registration
    from ..core.db import Database

    registration = Registration(email=email, password=password)
    database = Database(settings.database_url)
    try:
        with database.sessions.begin() as session:
            users = UserRepository(session)
            user = users.by_email(registration.email)
            if user is not None:
                users.set_role(user, "admin")
                # Their own password stays: this command does not reset passwords.
                return "promoted (an existing user, whose password is unchanged)"
            users.add(
                User(
                    email=registration.email,
                    password_hash=hash_password(registration.password),
                    role="admin",
                )
            )
            return "created"
    finally:
        database.dispose()


def _run(settings: "Settings", args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    try:
        done = create_admin(settings, args.email, args.password)
    except ValidationError as error:
        logger.error("create-admin: %s", input_problems(error))
        return 1
    # The email only: the password never reaches a log.
    logger.info("admin %s: %s", done, args.email.lower())
    return 0


def add_create_admin_command(
    commands: "argparse._SubParsersAction[argparse.ArgumentParser]",
) -> None:
    """Register `create-admin` on the command line's subparsers."""
    parser = commands.add_parser("create-admin", help="create an admin user, or promote one")
    parser.add_argument("--email", required=True)
    parser.add_argument("--password", required=True)
    parser.set_defaults(handler=_run)

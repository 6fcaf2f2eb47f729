"""`python -m <package> create-admin --email E --password P`.

cli.py imports this module to register the command for every command line,
`--help` included: Django and the models are imported only when it runs.
"""

import argparse
import logging
from typing import TYPE_CHECKING

from ..auth.commands import credential_problems
from ..auth.emails import normalize_email

if TYPE_CHECKING:
    from ..core.settings import Settings

logger = logging.getLogger(__name__)


def create_admin(email: str, password: str) -> str:
    """Create that user as an admin, or promote an existing one; what was done."""
    from ..auth.models import User

    user = User.objects.filter(email=normalize_email(email)).first()
    if user is not None:
        user.role = "admin"
        user.save(update_fields=["role"])
        # Their own password stays: this command does not reset passwords.
        return "promoted (an existing user, whose password is unchanged)"
    User.objects.create_user(email=email, password=password, role="admin")
    return "created"


def _run(settings: "Settings", args: argparse.Namespace) -> int:
    from ..core.setup import configure_django

    configure_django()
    problems = credential_problems(args.email, args.password)
    if problems:
        logger.error("create-admin: %s", problems)
        return 1
    done = create_admin(args.email, args.password)
    # The email only: the password never reaches a log.
    logger.info("admin %s: %s", done, normalize_email(args.email))
    return 0


def add_create_admin_command(
    commands: "argparse._SubParsersAction[argparse.ArgumentParser]",
) -> None:
    """Register `create-admin` on the command line's subparsers."""
    parser = commands.add_parser("create-admin", help="create an admin user, or promote one")
    parser.add_argument("--email", required=True)
    parser.add_argument("--password", required=True)
    parser.set_defaults(handler=_run)

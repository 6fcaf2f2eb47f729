"""`python -m <package> set-password --email E --password P`, and `migrate --owner EMAIL`.

cli.py imports this module to register them for every command line,
`--help` included: Django and the models are imported only when one runs.
"""

import argparse
import logging
from typing import TYPE_CHECKING

from .emails import normalize_email, owner_email

if TYPE_CHECKING:
    from ..core.settings import Settings

logger = logging.getLogger(__name__)


def credential_problems(email: str, password: str) -> str | None:
    """What is wrong with an email and password as registration would see them, in one line."""
    from .serializers import CredentialsSerializer

    body = CredentialsSerializer(data={"email": email, "password": password})
    if body.is_valid():
        return None
    return "; ".join(f"{field}: {' '.join(map(str, why))}" for field, why in body.errors.items())


def set_password(email: str, password: str) -> bool:
    """Give that user a new password; False when there is no such user."""
    from .models import User

    user = User.objects.filter(email=normalize_email(email)).first()
    if user is None:
        return False
    user.set_password(password)
    user.save(update_fields=["password"])
    return True


def _set_password(settings: "Settings", args: argparse.Namespace) -> int:
    from ..core.setup import configure_django

    configure_django()
    problems = credential_problems(args.email, args.password)
    if problems:
        logger.error("set-password: %s", problems)
        return 1
    if not set_password(args.email, args.password):
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

"""`python -m <package> set-password --email E --password P`, and `migrate --owner EMAIL`.

%%% if orm=sqlalchemy
cli.py imports this module to register them for every command line, `--help`
included: the database, models and hashing are imported only when one runs.
%%% end
%%% if orm=django
cli.py imports this module to register them for every command line,
`--help` included: Django and the models are imported only when one runs.
%%% end
"""

import argparse
import logging
from typing import TYPE_CHECKING

from .emails import normalize_email, owner_email

if TYPE_CHECKING:
%%% if orm=sqlalchemy
    from pydantic import ValidationError

%%% end
    from ..core.settings import Settings

logger = logging.getLogger(__name__)


%%% if orm=sqlalchemy
def input_problems(error: "ValidationError") -> str:
    """A command's invalid input in one line: `field: why; other: why`."""
    return "; ".join(
        f"{'.'.join(map(str, e['loc']))}: {e['msg']}"
        for e in error.errors(include_url=False, include_input=False)
    )
%%% end
%%% if orm=django
def credential_problems(email: str, password: str) -> str | None:
    """What is wrong with an email and password as registration would see them, in one line."""
    from .serializers import CredentialsSerializer
%%% end

%%% if orm=django
    body = CredentialsSerializer(data={"email": email, "password": password})
    if body.is_valid():
        return None
    return "; ".join(f"{field}: {' '.join(map(str, why))}" for field, why in body.errors.items())
%%% end

%%% if orm=sqlalchemy
def set_password(settings: "Settings", email: str, password: str) -> bool:
%%% end
%%% if orm=django

def set_password(email: str, password: str) -> bool:
%%% end
    """Give that user a new password; False when there is no such user."""
%%% if orm=sqlalchemy
    from ..core.db import Database
    from .passwords import hash_password
    from .repository import UserRepository
    from .schemas import Registration
%%% end
%%% if orm=django
    from .models import User
%%% end

%%% if orm=sqlalchemy
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
%%% end
%%% if orm=django
    user = User.objects.filter(email=normalize_email(email)).first()
    if user is None:
        return False
    user.set_password(password)
    user.save(update_fields=["password"])
    return True
%%% end


def _set_password(settings: "Settings", args: argparse.Namespace) -> int:
%%% if orm=sqlalchemy
    from pydantic import ValidationError
%%% end
%%% if orm=django
    from ..core.setup import configure_django
%%% end

%%% if orm=sqlalchemy
    try:
        done = set_password(settings, args.email, args.password)
    except ValidationError as error:
        logger.error("set-password: %s", input_problems(error))
%%% end
%%% if orm=django
    configure_django()
    problems = credential_problems(args.email, args.password)
    if problems:
        logger.error("set-password: %s", problems)
%%% end
        return 1
%%% if orm=sqlalchemy
    if not done:
%%% end
%%% if orm=django
    if not set_password(args.email, args.password):
%%% end
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

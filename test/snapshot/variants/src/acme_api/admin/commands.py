"""`python -m <package> create-admin --email E --password P`.

cli.py imports this module to register the command for every command line,
%%% if orm=sqlalchemy
`--help` included: the database, models and hashing are imported only when
the command runs.
%%% end
%%% if orm=django
`--help` included: Django and the models are imported only when it runs.
%%% end
"""

import argparse
import logging
from typing import TYPE_CHECKING

%%% if orm=sqlalchemy
from ..auth.commands import input_problems
%%% end
%%% if orm=django
from ..auth.commands import credential_problems
from ..auth.emails import normalize_email
%%% end

if TYPE_CHECKING:
    from ..core.settings import Settings

logger = logging.getLogger(__name__)


%%% if orm=sqlalchemy
def create_admin(settings: "Settings", email: str, password: str) -> str:
%%% end
%%% if orm=django
def create_admin(email: str, password: str) -> str:
%%% end
    """Create that user as an admin, or promote an existing one; what was done."""
    from ..auth.models import User
%%% if orm=sqlalchemy
    from ..auth.passwords import hash_password
    from ..auth.repository import UserRepository
    from ..auth.schemas import Registration
    from ..core.db import Database
%%% end

%%% if orm=sqlalchemy
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
%%% end
%%% if orm=django
    user = User.objects.filter(email=normalize_email(email)).first()
    if user is not None:
        user.role = "admin"
        user.save(update_fields=["role"])
        # Their own password stays: this command does not reset passwords.
        return "promoted (an existing user, whose password is unchanged)"
    User.objects.create_user(email=email, password=password, role="admin")
    return "created"
%%% end


def _run(settings: "Settings", args: argparse.Namespace) -> int:
%%% if orm=sqlalchemy
    from pydantic import ValidationError
%%% end
%%% if orm=django
    from ..core.setup import configure_django
%%% end

%%% if orm=sqlalchemy
    try:
        done = create_admin(settings, args.email, args.password)
    except ValidationError as error:
        logger.error("create-admin: %s", input_problems(error))
%%% end
%%% if orm=django
    configure_django()
    problems = credential_problems(args.email, args.password)
    if problems:
        logger.error("create-admin: %s", problems)
%%% end
        return 1
%%% if orm=django
    done = create_admin(args.email, args.password)
%%% end
    # The email only: the password never reaches a log.
%%% if orm=sqlalchemy
    logger.info("admin %s: %s", done, args.email.lower())
%%% end
%%% if orm=django
    logger.info("admin %s: %s", done, normalize_email(args.email))
%%% end
    return 0


def add_create_admin_command(
    commands: "argparse._SubParsersAction[argparse.ArgumentParser]",
) -> None:
    """Register `create-admin` on the command line's subparsers."""
    parser = commands.add_parser("create-admin", help="create an admin user, or promote one")
    parser.add_argument("--email", required=True)
    parser.add_argument("--password", required=True)
    parser.set_defaults(handler=_run)

"""`python -m <package> COMMAND`: the operations entry point, the same for every framework.

Each command imports what it runs when it runs: `--help`, a usage error or a
settings error load no server, ORM or migration tool (about 0.6 s of imports).
"""

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

%%% if rbac=true
from .admin.commands import add_create_admin_command
%%% end
%%% if auth=jwt | auth=session | auth=oauth
from .auth.commands import add_user_commands

%%% end
if TYPE_CHECKING:
    from .core.settings import Settings

Handler = Callable[["Settings", argparse.Namespace], int]

logger = logging.getLogger(__name__)

PUBLIC_KEY_WARNING = (
    "APP_ENV is not set: serving as development, with the public development SECRET_KEY. "
    "Anyone can sign tokens for this server; set APP_ENV=production and a SECRET_KEY of your own."
)


def _serve(settings: "Settings", _args: argparse.Namespace) -> int:
    from .core.serve import serve

    if settings.public_key_by_default:
        logger.warning(PUBLIC_KEY_WARNING)
    serve(settings)
    return 0


def _migrate(settings: "Settings", args: argparse.Namespace) -> int:
    from .core.migrate import migrate

    # Options a layer adds to `migrate` (users: --owner) reach the revisions that read them.
    migrate(settings, {name: value for name, value in vars(args).items() if name != "handler"})
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The command line; each command's handler sits in its `handler` default."""
    parser = argparse.ArgumentParser(
        prog=f"python -m {__package__}",
        description="Operate the service. Settings come from environment variables.",
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    serve_parser = commands.add_parser("serve", help="run the HTTP server on HOST:PORT")
    serve_parser.set_defaults(handler=_serve)
    migrate_parser = commands.add_parser("migrate", help="apply all migrations to DATABASE_URL")
    migrate_parser.set_defaults(handler=_migrate)
%%% if rbac=true
    add_create_admin_command(commands)
%%% end
%%% if auth=jwt | auth=session | auth=oauth
    add_user_commands(commands)
%%% end
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; the exit code is 0 on success, 1 on bad settings, 2 on bad usage."""
    args = build_parser().parse_args(argv)
    handler: Handler = args.handler
    # After parsing: --help and usage errors exit above without loading the settings' pydantic.
    from .core.logs import configure_logging
    from .core.settings import ConfigError, load_settings

    try:
        settings = load_settings()
        configure_logging(settings)
        return handler(settings, args)
    except ConfigError as error:
        # One line, no traceback: this is for the operator, not a bug report.
        sys.stderr.write(f"error: {error}\n")
        return 1

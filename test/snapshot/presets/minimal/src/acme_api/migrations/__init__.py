"""Alembic migrations; they ship inside the package so `migrate` works when installed."""

from collections.abc import Mapping

from sqlalchemy import Connection

# Where `migrate` leaves what its command line chose (`--owner`, say) for the
# revisions that read it: on the connection they run on, which both a revision's
# refuse(connection) and its upgrade() (op.get_bind()) reach.
_CHOICES = "migrate_choices"


def set_choices(connection: Connection, choices: Mapping[str, object]) -> None:
    connection.info[_CHOICES] = dict(choices)


def choices_of(connection: Connection) -> Mapping[str, object]:
    """What `migrate` was told; empty when alembic's own command line runs the revisions."""
    choices: Mapping[str, object] = connection.info.get(_CHOICES, {})
    return choices


class MigrationRefusedError(Exception):
    """A revision will not run on the data it finds; the message says what to do about it."""

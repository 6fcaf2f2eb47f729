"""Give each row of items an owner: a user, whose rows go with them.

Rows already there go to the user `migrate --owner EMAIL` names, made if new
without a password (nobody signs in as them until `set-password` gives one).
Without an owner named, this revision refuses and says so.

Revision ID: add_items_owner
Revises: create_items
"""

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from acme_api.migrations import MigrationRefusedError, choices_of

revision: str = "add_items_owner"
down_revision: str | None = "create_items"
branch_labels: tuple[str, ...] | None = None
depends_on: tuple[str, ...] | None = None

TABLE = "items"
INDEX = "ix_items_owner_id"
FOREIGN_KEY = "fk_items_owner_id_users"
# The type of users.id: 64-bit (on SQLite, INTEGER, its rowid).
ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
# SQLite rebuilds the table to alter it: the copy keeps AUTOINCREMENT (ids never reused).
REBUILT_TABLE = {"sqlite_autoincrement": True}


# The `migrate` option that names the owner (a normalized email), and what that
# user's password_hash is until set-password sets one: never an Argon2 hash.
OWNER = "owner"
NOT_A_HASH = "!"
# The users table as this revision writes to it (it is the revision's, not the model's).
USERS = sa.table(
    "users",
    sa.column("id", ID),
    sa.column("email", sa.String()),
    sa.column("password_hash", sa.String()),
    sa.column("role", sa.String()),
    sa.column("created_at", sa.DateTime(timezone=True)),
)


def _rows(connection: sa.Connection) -> int:
    if not sa.inspect(connection).has_table(TABLE):
        return 0
    query = sa.select(sa.func.count()).select_from(sa.table(TABLE))
    return connection.execute(query).scalar_one()


def refuse(connection: sa.Connection) -> str | None:
    """Why this revision cannot run on this database, if it cannot.

    `migrate` asks before it applies anything, as SQLite and MySQL cannot roll
    back the tables that revisions before this one create.
    """
    rows = _rows(connection)
    if not rows or choices_of(connection).get(OWNER):
        return None
    held = f"{rows} row" if rows == 1 else f"{rows} rows"
    return (
        f"{TABLE} holds {held} without an owner; migrate with --owner EMAIL to give "
        "them to that user (made if new, then set-password), or delete them first"
    )


def _owner_id(connection: sa.Connection, email: str) -> int:
    """The user with that email; made if there is none, with the role every user starts with."""
    find = sa.select(USERS.c.id).where(USERS.c.email == email)
    found = connection.execute(find).scalar_one_or_none()
    if found is None:
        new = {"email": email, "password_hash": NOT_A_HASH, "role": "user"}
        connection.execute(USERS.insert().values(**new, created_at=datetime.now(UTC)))
        found = connection.execute(find).scalar_one()
    return int(found)


def upgrade() -> None:
    connection = op.get_bind()
    reason = refuse(connection)
    if reason is not None:
        raise MigrationRefusedError(reason)
    # Nullable until the rows already there have their owner.
    with op.batch_alter_table(TABLE, table_kwargs=REBUILT_TABLE) as batch:
        batch.add_column(sa.Column("owner_id", ID, nullable=True))
    if _rows(connection):
        owner_id = _owner_id(connection, str(choices_of(connection)[OWNER]))
        rows = sa.table(TABLE, sa.column("owner_id"))
        connection.execute(rows.update().values(owner_id=owner_id))
    with op.batch_alter_table(TABLE, table_kwargs=REBUILT_TABLE) as batch:
        batch.alter_column("owner_id", existing_type=ID, nullable=False)
        batch.create_foreign_key(
            op.f(FOREIGN_KEY),
            "users",
            ["owner_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch.create_index(op.f(INDEX), ["owner_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table(TABLE, table_kwargs=REBUILT_TABLE) as batch:
        # The foreign key first: MySQL refuses to drop an index a foreign key still uses.
        batch.drop_constraint(op.f(FOREIGN_KEY), type_="foreignkey")
        batch.drop_index(op.f(INDEX))
        batch.drop_column("owner_id")

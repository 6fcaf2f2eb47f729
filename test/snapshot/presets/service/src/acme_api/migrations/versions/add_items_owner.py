"""Give each row of items an owner: a user, whose rows go with them.

Revision ID: add_items_owner
Revises: create_items
"""

import sqlalchemy as sa
from alembic import op

from acme_api.migrations import MigrationRefusedError

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


def refuse(connection: sa.Connection) -> str | None:
    """Why this revision cannot run on this database, if it cannot.

    An owner cannot be made up for rows that already exist: say so rather than
    guess. `migrate` asks before it applies anything, as SQLite and MySQL cannot
    roll back the tables that revisions before this one create.
    """
    if not sa.inspect(connection).has_table(TABLE):
        return None
    query = sa.text("SELECT COUNT(*) FROM items")
    rows = connection.execute(query).scalar_one()
    if not rows:
        return None
    return (
        f"{TABLE} holds {rows} rows without an owner; delete them or move them elsewhere, "
        "then migrate again"
    )


def upgrade() -> None:
    reason = refuse(op.get_bind())
    if reason is not None:
        raise MigrationRefusedError(reason)
    with op.batch_alter_table(TABLE, table_kwargs=REBUILT_TABLE) as batch:
        batch.add_column(sa.Column("owner_id", ID, nullable=False))
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

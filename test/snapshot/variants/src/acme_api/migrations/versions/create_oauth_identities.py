"""Create the oauth_identities table (which provider accounts are which user) and
oauth_spent_states (the logins completed, so each state works once).

Revision ID: create_oauth_identities
Revises: create_refresh_tokens
"""

from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision: str = "create_oauth_identities"
down_revision: str | None = "create_refresh_tokens"
branch_labels: tuple[str, ...] | None = None
depends_on: tuple[str, ...] | None = None

# User ids as `users` stores them (on SQLite, its rowid: INTEGER); timestamps to the
# microsecond (MySQL's DATETIME keeps whole seconds otherwise).
ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TIMESTAMP = sa.DateTime(timezone=True).with_variant(mysql.DATETIME(fsp=6), "mysql")
# MySQL: full Unicode, compared exactly (SQLite's option is every table's, as the models').
TABLE_OPTIONS: dict[str, Any] = {
    "sqlite_autoincrement": True,
    "mysql_charset": "utf8mb4",
    "mysql_collate": "utf8mb4_bin",
}


def upgrade() -> None:
    op.create_table(
        "oauth_identities",
        sa.Column("id", ID, nullable=False),
        sa.Column("user_id", ID, nullable=False),
        sa.Column("provider", sa.String(length=20), nullable=False),
        sa.Column("subject", sa.String(length=255), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_oauth_identities_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_oauth_identities")),
        **TABLE_OPTIONS,
    )
    op.create_index(
        op.f("ix_oauth_identities_user_id"), "oauth_identities", ["user_id"], unique=False
    )
    op.create_index(
        op.f("uq_oauth_identities_provider_subject"),
        "oauth_identities",
        ["provider", "subject"],
        unique=True,
    )
    op.create_table(
        "oauth_spent_states",
        sa.Column("state_id", sa.String(length=36), nullable=False),
        sa.Column("expires_at", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("state_id", name=op.f("pk_oauth_spent_states")),
        **TABLE_OPTIONS,
    )
    op.create_index(
        op.f("ix_oauth_spent_states_expires_at"),
        "oauth_spent_states",
        ["expires_at"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_table("oauth_spent_states")
    op.drop_table("oauth_identities")

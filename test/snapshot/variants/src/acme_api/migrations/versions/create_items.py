"""Create the items table.

Revision ID: create_items
%%% if auth=none
Revises:
%%% end
%%% if auth=jwt
Revises: create_refresh_tokens
%%% end
%%% if auth=session
Revises: create_sessions
%%% end
%%% if auth=oauth
Revises: create_oauth_identities
%%% end
"""

from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision: str = "create_items"
%%% if auth=none
down_revision: str | None = None
%%% end
%%% if auth=jwt
down_revision: str | None = "create_refresh_tokens"
%%% end
%%% if auth=session
down_revision: str | None = "create_sessions"
%%% end
%%% if auth=oauth
down_revision: str | None = "create_oauth_identities"
%%% end
branch_labels: tuple[str, ...] | None = None
depends_on: tuple[str, ...] | None = None

# 64-bit ids (on SQLite, its rowid: INTEGER); timestamps to the microsecond (MySQL's
# DATETIME keeps whole seconds otherwise).
ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TIMESTAMP = sa.DateTime(timezone=True).with_variant(mysql.DATETIME(fsp=6), "mysql")
# SQLite: ids never reused after a delete. MySQL: full Unicode, compared exactly.
TABLE_OPTIONS: dict[str, Any] = {
    "sqlite_autoincrement": True,
    "mysql_charset": "utf8mb4",
    "mysql_collate": "utf8mb4_bin",
}


def upgrade() -> None:
    op.create_table(
        "items",
        sa.Column("id", ID, nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.String(length=2000), nullable=True),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("updated_at", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_items")),
        **TABLE_OPTIONS,
    )


def downgrade() -> None:
    op.drop_table("items")

"""Create the items table.

Revision ID: create_items
%%% if auth=jwt
Revises: create_users
%%% end
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "create_items"
%%% if auth=none
down_revision: str | None = None
%%% end
%%% if auth=jwt
down_revision: str | None = "create_users"
%%% end
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.String(length=2000), nullable=True),
%%% if auth=jwt
        sa.Column("owner_id", sa.Integer(), nullable=False),
%%% end
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
%%% if auth=jwt
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["users.id"],
            name=op.f("fk_items_owner_id_users"),
            ondelete="CASCADE",
        ),
%%% end
        sa.PrimaryKeyConstraint("id", name=op.f("pk_items")),
    )
%%% if auth=jwt
    op.create_index(op.f("ix_items_owner_id"), "items", ["owner_id"], unique=False)
%%% end


def downgrade() -> None:
    op.drop_table("items")

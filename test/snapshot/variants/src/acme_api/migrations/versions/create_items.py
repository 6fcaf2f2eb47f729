"""Create the items table.

Revision ID: create_items
%%% if auth=none
Revises:
%%% end
%%% if auth=jwt
Revises: create_login_failures
%%% end
"""

import sqlalchemy as sa
from alembic import op

revision: str = "create_items"
%%% if auth=none
down_revision: str | None = None
%%% end
%%% if auth=jwt
down_revision: str | None = "create_login_failures"
%%% end
branch_labels: tuple[str, ...] | None = None
depends_on: tuple[str, ...] | None = None


def upgrade() -> None:
    op.create_table(
        "items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.String(length=2000), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_items")),
    )


def downgrade() -> None:
    op.drop_table("items")

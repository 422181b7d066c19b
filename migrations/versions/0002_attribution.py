"""Campaign link tokens and A/B variants on conversations.

Revision ID: 0002_attribution
Revises: 0001
Create Date: 2026-11-25

link_tokens maps a short /start token to the UTM fields and ad click id that do
not fit in Telegram's 64-character payload. Conversations remember which token
brought them (for UTM breakdowns) and which intro / call-to-action variant they
were given (sticky A/B assignment). No events column: variants are sticky per
conversation, so reports join the conversation instead of copying the names
onto every event.

Upgrade only ADDs nullable columns, which SQLite does in place: no batch table
rebuild of conversations, whose rebuild would touch the rows events and
assessments point at.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_attribution"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "link_tokens",
        sa.Column("token", sa.String(64), nullable=False),
        sa.Column("campaign", sa.String(255), nullable=True),
        sa.Column("utm_source", sa.String(255), nullable=True),
        sa.Column("utm_medium", sa.String(255), nullable=True),
        sa.Column("utm_campaign", sa.String(255), nullable=True),
        sa.Column("utm_content", sa.String(255), nullable=True),
        sa.Column("utm_term", sa.String(255), nullable=True),
        sa.Column("click_id", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("token", name="pk_link_tokens"),
    )
    op.add_column("conversations", sa.Column("source_token", sa.String(64), nullable=True))
    op.add_column("conversations", sa.Column("variant_intro", sa.String(32), nullable=True))
    op.add_column("conversations", sa.Column("variant_cta", sa.String(32), nullable=True))
    op.create_index("ix_conversations_source_token", "conversations", ["source_token"])


def downgrade() -> None:
    op.drop_index("ix_conversations_source_token", table_name="conversations")
    with op.batch_alter_table("conversations") as batch:
        batch.drop_column("variant_cta")
        batch.drop_column("variant_intro")
        batch.drop_column("source_token")
    op.drop_table("link_tokens")

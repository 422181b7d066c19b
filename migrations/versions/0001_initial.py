"""Conversations, processed updates, events and assessments.

Revision ID: 0001
Revises:
Create Date: 2026-11-25

Later features append revisions with down_revision = "0001" (and so on), named
NNNN_what.py so the chain reads in order.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BigIntId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "conversations",
        sa.Column("id", BigIntId, primary_key=True, autoincrement=True),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=True),
        sa.Column("state", sa.String(64), nullable=False),
        sa.Column("snapshot", sa.JSON(), nullable=False),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("source_first", sa.String(64), nullable=True),
        sa.Column("source_last", sa.String(64), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("contact_phone", sa.String(32), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_conversations"),
        sa.UniqueConstraint("chat_id", name="uq_conversations_chat_id"),
        sa.CheckConstraint("status IN ('active', 'finished', 'cancelled')", name="ck_conversations_status"),
    )
    op.create_index("ix_conversations_status_updated_at", "conversations", ["status", "updated_at"])
    op.create_index("ix_conversations_source_first", "conversations", ["source_first"])

    op.create_table(
        "processed_updates",
        sa.Column("update_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=True),
        sa.Column("processed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("update_id", name="pk_processed_updates"),
    )
    op.create_index("ix_processed_updates_processed_at", "processed_updates", ["processed_at"])

    op.create_table(
        "events",
        sa.Column("id", BigIntId, primary_key=True, autoincrement=True),
        sa.Column("conversation_id", BigIntId, nullable=True),
        sa.Column("chat_id", sa.BigInteger(), nullable=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("question_id", sa.String(64), nullable=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("source", sa.String(64), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_events"),
        sa.ForeignKeyConstraint(
            ["conversation_id"],
            ["conversations.id"],
            name="fk_events_conversation_id_conversations",
            ondelete="SET NULL",
        ),
    )
    op.create_index("ix_events_kind_created_at", "events", ["kind", "created_at"])
    op.create_index("ix_events_source", "events", ["source"])
    op.create_index("ix_events_conversation_id", "events", ["conversation_id"])

    op.create_table(
        "assessments",
        sa.Column("id", BigIntId, primary_key=True, autoincrement=True),
        sa.Column("conversation_id", BigIntId, nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("plan", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_assessments"),
        sa.ForeignKeyConstraint(
            ["conversation_id"],
            ["conversations.id"],
            name="fk_assessments_conversation_id_conversations",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_assessments_conversation_id", "assessments", ["conversation_id"])


def downgrade() -> None:
    op.drop_index("ix_assessments_conversation_id", table_name="assessments")
    op.drop_table("assessments")
    op.drop_index("ix_events_conversation_id", table_name="events")
    op.drop_index("ix_events_source", table_name="events")
    op.drop_index("ix_events_kind_created_at", table_name="events")
    op.drop_table("events")
    op.drop_index("ix_processed_updates_processed_at", table_name="processed_updates")
    op.drop_table("processed_updates")
    op.drop_index("ix_conversations_source_first", table_name="conversations")
    op.drop_index("ix_conversations_status_updated_at", table_name="conversations")
    op.drop_table("conversations")

"""The back office: ad clicks, conversions for the ad platforms, transcripts, notes, spend, sign-ins,
the funnel summary; a lead's outcome; the click behind a conversation.

Revision ID: 0007_back_office
Revises: 0005_save_step_any_column
Create Date: 2026-12-04

Integrator: issue 16's 0006 lands in parallel; re-chain this one onto it (down_revision) then.

Like 0002 and 0003, upgrade only ADDs nullable columns to existing tables, which SQLite does in
place without rebuilding them. bot_save_step (0005) writes whichever columns a step changed, so
the new ``conversations.click_id`` needs nothing there.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_back_office"
down_revision: str | None = "0005_save_step_any_column"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BigIntId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.add_column("conversations", sa.Column("click_id", sa.BigInteger(), nullable=True))
    op.add_column("leads", sa.Column("outcome", sa.String(32), nullable=True))

    op.create_table(
        "clicks",
        sa.Column("id", BigIntId, primary_key=True, autoincrement=True),
        sa.Column("token", sa.String(64), nullable=False),
        sa.Column("fbclid", sa.Text(), nullable=True),
        sa.Column("gclid", sa.Text(), nullable=True),
        sa.Column("wbraid", sa.Text(), nullable=True),
        sa.Column("gbraid", sa.Text(), nullable=True),
        sa.Column("user_agent", sa.String(512), nullable=True),
        sa.Column("referrer", sa.String(1024), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_clicks"),
        sa.UniqueConstraint("token", name="uq_clicks_token"),
        sa.ForeignKeyConstraint(
            ["token"], ["link_tokens.token"], name="fk_clicks_token_link_tokens", ondelete="CASCADE"
        ),
    )

    op.create_table(
        "conversion_outbox",
        sa.Column("id", BigIntId, primary_key=True, autoincrement=True),
        sa.Column("destination", sa.String(16), nullable=False),
        sa.Column("event", sa.String(32), nullable=False),
        sa.Column("event_id", sa.String(64), nullable=False),
        sa.Column("conversation_id", BigIntId, nullable=True),
        sa.Column("lead_id", BigIntId, nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_error", sa.String(500), nullable=True),
        sa.Column("delivered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("failed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_conversion_outbox"),
        sa.UniqueConstraint("destination", "event_id", name="uq_conversion_outbox_destination_event_id"),
        sa.ForeignKeyConstraint(
            ["conversation_id"],
            ["conversations.id"],
            name="fk_conversion_outbox_conversation_id_conversations",
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["lead_id"], ["leads.id"], name="fk_conversion_outbox_lead_id_leads", ondelete="SET NULL"
        ),
    )
    op.create_index(
        "ix_conversion_outbox_due", "conversion_outbox", ["delivered_at", "failed_at", "next_attempt_at"]
    )
    op.create_index("ix_conversion_outbox_conversation_id", "conversion_outbox", ["conversation_id"])

    op.create_table(
        "transcript_lines",
        sa.Column("id", BigIntId, primary_key=True, autoincrement=True),
        sa.Column("conversation_id", BigIntId, nullable=False),
        sa.Column("role", sa.String(8), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("buttons", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_transcript_lines"),
        sa.ForeignKeyConstraint(
            ["conversation_id"],
            ["conversations.id"],
            name="fk_transcript_lines_conversation_id_conversations",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_transcript_lines_conversation_id", "transcript_lines", ["conversation_id"])

    op.create_table(
        "lead_notes",
        sa.Column("id", BigIntId, primary_key=True, autoincrement=True),
        sa.Column("lead_id", BigIntId, nullable=False),
        sa.Column("author_id", sa.BigInteger(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_lead_notes"),
        sa.ForeignKeyConstraint(
            ["lead_id"], ["leads.id"], name="fk_lead_notes_lead_id_leads", ondelete="CASCADE"
        ),
    )
    op.create_index("ix_lead_notes_lead_id", "lead_notes", ["lead_id"])

    op.create_table(
        "ad_spend",
        sa.Column("id", BigIntId, primary_key=True, autoincrement=True),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("platform", sa.String(16), nullable=False),
        sa.Column("campaign", sa.String(255), nullable=False),
        sa.Column("spend_cents", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_ad_spend"),
        sa.UniqueConstraint("day", "platform", "campaign", name="uq_ad_spend_day_platform_campaign"),
    )

    op.create_table(
        "dashboard_logins",
        sa.Column("nonce", sa.String(64), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("nonce", name="pk_dashboard_logins"),
    )

    op.create_table(
        "funnel_people",
        sa.Column("chat_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("groups", sa.JSON(), nullable=False),
        sa.Column("counted", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("chat_id", name="pk_funnel_people"),
    )
    op.create_index("ix_funnel_people_day", "funnel_people", ["day"])

    op.create_table(
        "funnel_counts",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("dimension", sa.String(16), nullable=False),
        sa.Column("grp", sa.String(255), nullable=False),
        sa.Column("metric", sa.String(16), nullable=False),
        sa.Column("item", sa.String(64), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("day", "dimension", "grp", "metric", "item", name="pk_funnel_counts"),
    )

    op.create_table(
        "summary_watermarks",
        sa.Column("name", sa.String(32), nullable=False),
        sa.Column("last_event_id", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_summary_watermarks"),
    )


def downgrade() -> None:
    op.drop_table("summary_watermarks")
    op.drop_table("funnel_counts")
    op.drop_index("ix_funnel_people_day", table_name="funnel_people")
    op.drop_table("funnel_people")
    op.drop_table("dashboard_logins")
    op.drop_table("ad_spend")
    op.drop_index("ix_lead_notes_lead_id", table_name="lead_notes")
    op.drop_table("lead_notes")
    op.drop_index("ix_transcript_lines_conversation_id", table_name="transcript_lines")
    op.drop_table("transcript_lines")
    op.drop_index("ix_conversion_outbox_conversation_id", table_name="conversion_outbox")
    op.drop_index("ix_conversion_outbox_due", table_name="conversion_outbox")
    op.drop_table("conversion_outbox")
    op.drop_table("clicks")
    with op.batch_alter_table("leads") as batch:
        batch.drop_column("outcome")
    with op.batch_alter_table("conversations") as batch:
        batch.drop_column("click_id")

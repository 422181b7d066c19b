"""Leads, consent records, staff relay, CRM outbox; lead capture / handoff / follow-up state on conversations.

Revision ID: 0003_leads
Revises: 0002_attribution
Create Date: 2026-11-25

leads is unique on phone_e164: one person reaching the bot from two Telegram
accounts is one lead, linked to both conversations through lead_conversations.
consents keep the evidence of each decision (wording version + hash, time,
channel, number covered). crm_outbox holds webhook deliveries written in the lead's
own transaction. staff_relays maps messages the bot posted in the staff chat back
to the person, so a staff reply reaches them.

Like 0002, upgrade only ADDs columns to conversations (nullable, or NOT NULL with
a server default), which SQLite does in place without rebuilding the table.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_leads"
down_revision: str | None = "0002_attribution"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BigIntId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.add_column("conversations", sa.Column("lead_step", sa.String(16), nullable=True))
    op.add_column("conversations", sa.Column("lead_draft", sa.JSON(), nullable=True))
    op.add_column(
        "conversations", sa.Column("with_staff", sa.Boolean(), nullable=False, server_default=sa.false())
    )
    op.add_column(
        "conversations", sa.Column("opted_out", sa.Boolean(), nullable=False, server_default=sa.false())
    )
    op.add_column("conversations", sa.Column("reminder_sent_at", sa.DateTime(timezone=True), nullable=True))

    op.create_table(
        "leads",
        sa.Column("id", BigIntId, primary_key=True, autoincrement=True),
        sa.Column("phone_e164", sa.String(20), nullable=False),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("best_time", sa.String(80), nullable=True),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("urgent", sa.Boolean(), nullable=False),
        sa.Column("source", sa.String(64), nullable=True),
        sa.Column("card", sa.JSON(), nullable=False),
        sa.Column("taken_by", sa.BigInteger(), nullable=True),
        sa.Column("taken_by_name", sa.String(128), nullable=True),
        sa.Column("taken_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("staff_chat_id", sa.BigInteger(), nullable=True),
        sa.Column("staff_message_id", sa.BigInteger(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_leads"),
        sa.UniqueConstraint("phone_e164", name="uq_leads_phone_e164"),
        sa.CheckConstraint("status IN ('new', 'taken', 'done', 'withdrawn')", name="ck_leads_status"),
    )
    op.create_index("ix_leads_status_created_at", "leads", ["status", "created_at"])

    op.create_table(
        "lead_conversations",
        sa.Column("conversation_id", BigIntId, autoincrement=False, nullable=False),
        sa.Column("lead_id", BigIntId, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("conversation_id", name="pk_lead_conversations"),
        sa.ForeignKeyConstraint(
            ["conversation_id"],
            ["conversations.id"],
            name="fk_lead_conversations_conversation_id_conversations",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["lead_id"], ["leads.id"], name="fk_lead_conversations_lead_id_leads", ondelete="CASCADE"
        ),
    )
    op.create_index("ix_lead_conversations_lead_id", "lead_conversations", ["lead_id"])

    op.create_table(
        "consents",
        sa.Column("id", BigIntId, primary_key=True, autoincrement=True),
        sa.Column("conversation_id", BigIntId, nullable=False),
        sa.Column("lead_id", BigIntId, nullable=True),
        sa.Column("version", sa.String(32), nullable=False),
        sa.Column("text_hash", sa.String(64), nullable=False),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("accepted", sa.Boolean(), nullable=False),
        sa.Column("channel", sa.String(32), nullable=False),
        sa.Column("phone_e164", sa.String(20), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_consents"),
        sa.ForeignKeyConstraint(
            ["conversation_id"],
            ["conversations.id"],
            name="fk_consents_conversation_id_conversations",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["lead_id"], ["leads.id"], name="fk_consents_lead_id_leads", ondelete="SET NULL"
        ),
    )
    op.create_index("ix_consents_conversation_id", "consents", ["conversation_id"])

    op.create_table(
        "staff_relays",
        sa.Column("id", BigIntId, primary_key=True, autoincrement=True),
        sa.Column("conversation_id", BigIntId, nullable=False),
        sa.Column("lead_id", BigIntId, nullable=True),
        sa.Column("staff_chat_id", sa.BigInteger(), nullable=False),
        sa.Column("staff_message_id", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_staff_relays"),
        sa.ForeignKeyConstraint(
            ["conversation_id"],
            ["conversations.id"],
            name="fk_staff_relays_conversation_id_conversations",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["lead_id"], ["leads.id"], name="fk_staff_relays_lead_id_leads", ondelete="CASCADE"
        ),
    )
    op.create_index(
        "ix_staff_relays_staff_message", "staff_relays", ["staff_chat_id", "staff_message_id"], unique=True
    )

    op.create_table(
        "crm_outbox",
        sa.Column("id", BigIntId, primary_key=True, autoincrement=True),
        sa.Column("lead_id", BigIntId, nullable=True),
        sa.Column("event", sa.String(32), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_error", sa.String(500), nullable=True),
        sa.Column("delivered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("failed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_crm_outbox"),
        sa.ForeignKeyConstraint(
            ["lead_id"], ["leads.id"], name="fk_crm_outbox_lead_id_leads", ondelete="SET NULL"
        ),
    )
    op.create_index("ix_crm_outbox_due", "crm_outbox", ["delivered_at", "failed_at", "next_attempt_at"])


def downgrade() -> None:
    op.drop_index("ix_crm_outbox_due", table_name="crm_outbox")
    op.drop_table("crm_outbox")
    op.drop_index("ix_staff_relays_staff_message", table_name="staff_relays")
    op.drop_table("staff_relays")
    op.drop_index("ix_consents_conversation_id", table_name="consents")
    op.drop_table("consents")
    op.drop_index("ix_lead_conversations_lead_id", table_name="lead_conversations")
    op.drop_table("lead_conversations")
    op.drop_index("ix_leads_status_created_at", table_name="leads")
    op.drop_table("leads")
    with op.batch_alter_table("conversations") as batch:
        batch.drop_column("reminder_sent_at")
        batch.drop_column("opted_out")
        batch.drop_column("with_staff")
        batch.drop_column("lead_draft")
        batch.drop_column("lead_step")

"""Tables. The conversation row is the source of truth; events feed the funnel reports.

Migrations in migrations/versions create these tables; the models must match them
(tests/bot/test_migrations.py compares the two).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Named constraints: Alembic batch mode on SQLite recreates tables and can only
# drop or alter constraints it can name.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# SQLite only auto-increments a column declared exactly INTEGER PRIMARY KEY.
BigIntId = BigInteger().with_variant(Integer(), "sqlite")

STATUS_ACTIVE = "active"
STATUS_FINISHED = "finished"
STATUS_CANCELLED = "cancelled"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Conversation(Base):
    __tablename__ = "conversations"
    __table_args__ = (
        CheckConstraint("status IN ('active', 'finished', 'cancelled')", name="status"),
        Index("ix_conversations_status_updated_at", "status", "updated_at"),
        Index("ix_conversations_source_first", "source_first"),
    )

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True, autoincrement=True)
    chat_id: Mapped[int] = mapped_column(BigInteger, unique=True, nullable=False)
    user_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    state: Mapped[str] = mapped_column(String(64), nullable=False)
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)
    lang: Mapped[str] = mapped_column(String(8), nullable=False, default="en")
    source_first: Mapped[str | None] = mapped_column(String(64), nullable=True)
    source_last: Mapped[str | None] = mapped_column(String(64), nullable=True)
    status: Mapped[str] = mapped_column(String(16), nullable=False, default=STATUS_ACTIVE)
    contact_phone: Mapped[str | None] = mapped_column(String(32), nullable=True)
    # Attribution and A/B (migration 0002): the link token of the last touch, for UTM breakdowns,
    # and the sticky variant names from bot/config/variants.toml.
    source_token: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    variant_intro: Mapped[str | None] = mapped_column(String(32), nullable=True)
    variant_cta: Mapped[str | None] = mapped_column(String(32), nullable=True)
    # Leads (migration 0003): where consent-first capture stands (flows/capture.py) and its
    # unconfirmed inputs; a staff member has the person (bot stays silent); follow-up bookkeeping.
    lead_step: Mapped[str | None] = mapped_column(String(16), nullable=True)
    lead_draft: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    with_staff: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False, server_default=false())
    opted_out: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False, server_default=false())
    reminder_sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    # The ad click (bot/db/office.py, migration 0007) behind the last /start that carried one.
    click_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    # Optimistic check behind the row lock: a lost update becomes StaleDataError, never silent.
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}


class ProcessedUpdate(Base):
    """update_ids already handled: a redelivered update is skipped instead of answered twice."""

    __tablename__ = "processed_updates"
    __table_args__ = (Index("ix_processed_updates_processed_at", "processed_at"),)

    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    chat_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    processed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)


class EventRecord(Base):
    """One row per flows.types.Event (plus transport facts such as "started", "returned")."""

    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_kind_created_at", "kind", "created_at"),
        Index("ix_events_source", "source"),
        Index("ix_events_conversation_id", "conversation_id"),
    )

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True, autoincrement=True)
    # SET NULL: deleting a person's conversation (privacy request) keeps anonymous funnel counts.
    conversation_id: Mapped[int | None] = mapped_column(
        BigIntId, ForeignKey("conversations.id", ondelete="SET NULL"), nullable=True
    )
    chat_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    kind: Mapped[str] = mapped_column(String(32), nullable=False)
    question_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    source: Mapped[str | None] = mapped_column(String(64), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)


class Assessment(Base):
    """The answers and the plan at the moment a screening finished; one row per result shown."""

    __tablename__ = "assessments"
    __table_args__ = (Index("ix_assessments_conversation_id", "conversation_id"),)

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True, autoincrement=True)
    conversation_id: Mapped[int] = mapped_column(
        BigIntId, ForeignKey("conversations.id", ondelete="CASCADE"), nullable=False
    )
    chat_id: Mapped[int] = mapped_column(BigInteger, nullable=False)
    answers: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)
    plan: Mapped[Any] = mapped_column(JSON, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)


class LinkToken(Base):
    """UTM fields and an ad click id behind a short /start token (they do not fit in 64 characters)."""

    __tablename__ = "link_tokens"

    token: Mapped[str] = mapped_column(String(64), primary_key=True)
    campaign: Mapped[str | None] = mapped_column(String(255), nullable=True)
    utm_source: Mapped[str | None] = mapped_column(String(255), nullable=True)
    utm_medium: Mapped[str | None] = mapped_column(String(255), nullable=True)
    utm_campaign: Mapped[str | None] = mapped_column(String(255), nullable=True)
    utm_content: Mapped[str | None] = mapped_column(String(255), nullable=True)
    utm_term: Mapped[str | None] = mapped_column(String(255), nullable=True)
    click_id: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)


# --------------------------------------------------------------------------- leads (migration 0003)
# A lead is one phone number (E.164, unique): the same person writing from a second
# Telegram account is the same lead, so conversations point at it (conversations.lead_id).

LEAD_NEW = "new"
LEAD_TAKEN = "taken"
LEAD_DONE = "done"
LEAD_WITHDRAWN = "withdrawn"


class Lead(Base):
    __tablename__ = "leads"
    __table_args__ = (
        CheckConstraint("status IN ('new', 'taken', 'done', 'withdrawn')", name="status"),
        Index("ix_leads_status_created_at", "status", "created_at"),
    )

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True, autoincrement=True)
    phone_e164: Mapped[str] = mapped_column(String(20), unique=True, nullable=False)
    name: Mapped[str] = mapped_column(String(80), nullable=False)
    best_time: Mapped[str | None] = mapped_column(String(80), nullable=True)
    lang: Mapped[str] = mapped_column(String(8), nullable=False, default="en")
    status: Mapped[str] = mapped_column(String(16), nullable=False, default=LEAD_NEW)
    urgent: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    source: Mapped[str | None] = mapped_column(String(64), nullable=True)
    # What the staff card shows, frozen at creation so the card can be re-rendered on every change.
    card: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    taken_by: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    taken_by_name: Mapped[str | None] = mapped_column(String(128), nullable=True)
    taken_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    done_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    # What "Done" ended in (booked, not qualified, no answer, ...; migration 0007).
    outcome: Mapped[str | None] = mapped_column(String(32), nullable=True)
    staff_chat_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    staff_message_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)


class Consent(Base):
    """Evidence of one consent decision: which wording (version + hash), when, how, for which number."""

    __tablename__ = "consents"
    __table_args__ = (Index("ix_consents_conversation_id", "conversation_id"),)

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True, autoincrement=True)
    conversation_id: Mapped[int] = mapped_column(
        BigIntId, ForeignKey("conversations.id", ondelete="CASCADE"), nullable=False
    )
    lead_id: Mapped[int | None] = mapped_column(
        BigIntId, ForeignKey("leads.id", ondelete="SET NULL"), nullable=True
    )
    version: Mapped[str] = mapped_column(String(32), nullable=False)
    text_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    lang: Mapped[str] = mapped_column(String(8), nullable=False)
    accepted: Mapped[bool] = mapped_column(Boolean, nullable=False)
    channel: Mapped[str] = mapped_column(String(32), nullable=False)
    # Filled when the person gives the number: consent covers exactly that number.
    phone_e164: Mapped[str | None] = mapped_column(String(20), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)


class StaffRelay(Base):
    """A message the bot posted in the staff chat on a person's behalf: a staff reply to it goes to them."""

    __tablename__ = "staff_relays"
    __table_args__ = (
        Index("ix_staff_relays_staff_message", "staff_chat_id", "staff_message_id", unique=True),
    )

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True, autoincrement=True)
    conversation_id: Mapped[int] = mapped_column(
        BigIntId, ForeignKey("conversations.id", ondelete="CASCADE"), nullable=False
    )
    lead_id: Mapped[int | None] = mapped_column(
        BigIntId, ForeignKey("leads.id", ondelete="CASCADE"), nullable=True
    )
    staff_chat_id: Mapped[int] = mapped_column(BigInteger, nullable=False)
    staff_message_id: Mapped[int] = mapped_column(BigInteger, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)


class CrmOutbox(Base):
    """One webhook delivery, written in the lead's transaction; a background worker sends it."""

    __tablename__ = "crm_outbox"
    __table_args__ = (Index("ix_crm_outbox_due", "delivered_at", "failed_at", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True, autoincrement=True)
    lead_id: Mapped[int | None] = mapped_column(
        BigIntId, ForeignKey("leads.id", ondelete="SET NULL"), nullable=True
    )
    event: Mapped[str] = mapped_column(String(32), nullable=False)
    # The exact bytes to POST (stable JSON), so every retry signs and sends the same body.
    body: Mapped[str] = mapped_column(Text, nullable=False)
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    last_error: Mapped[str | None] = mapped_column(String(500), nullable=True)
    delivered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    failed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)


class LeadConversation(Base):
    """Which conversations (Telegram accounts) belong to a lead: one row per chat, many per lead."""

    __tablename__ = "lead_conversations"
    __table_args__ = (Index("ix_lead_conversations_lead_id", "lead_id"),)

    conversation_id: Mapped[int] = mapped_column(
        BigIntId, ForeignKey("conversations.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    lead_id: Mapped[int] = mapped_column(BigIntId, ForeignKey("leads.id", ondelete="CASCADE"), nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)

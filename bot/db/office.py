"""Tables of the back office (migration 0007): ad clicks, conversions for the ad platforms, the
conversation as a lead saw it, staff notes, ad spend, dashboard sign-ins, and the funnel summary.

Declared next to bot/db/models.py (same ``Base``, so one metadata and one schema) rather than in
it, which is at its size limit; bot/db/__init__.py imports this module so the metadata is whole
wherever a model is used.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from bot.db.models import Base, BigIntId


class Click(Base):
    """One ad click through ``/go/<campaign>``: its own one-time /start token and the ad's click ids.

    The token is also a ``link_tokens`` row (same value) holding the campaign and the UTM fields,
    so everything that reads a conversation's ``source_token`` (reports, exports, the staff card)
    reads a click like any other link.
    """

    __tablename__ = "clicks"

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True, autoincrement=True)
    token: Mapped[str] = mapped_column(
        String(64), ForeignKey("link_tokens.token", ondelete="CASCADE"), unique=True, nullable=False
    )
    fbclid: Mapped[str | None] = mapped_column(Text, nullable=True)
    gclid: Mapped[str | None] = mapped_column(Text, nullable=True)
    wbraid: Mapped[str | None] = mapped_column(Text, nullable=True)
    gbraid: Mapped[str | None] = mapped_column(Text, nullable=True)
    user_agent: Mapped[str | None] = mapped_column(String(512), nullable=True)
    referrer: Mapped[str | None] = mapped_column(String(1024), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    # Set by the first /start that carries the token: a forwarded link counts for the campaign only.
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class ConversionOutbox(Base):
    """One conversion for an ad platform (Meta, Google), written in the step that earned it."""

    __tablename__ = "conversion_outbox"
    __table_args__ = (
        UniqueConstraint("destination", "event_id", name="uq_conversion_outbox_destination_event_id"),
        Index("ix_conversion_outbox_due", "delivered_at", "failed_at", "next_attempt_at"),
        Index("ix_conversion_outbox_conversation_id", "conversation_id"),
    )

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True, autoincrement=True)
    destination: Mapped[str] = mapped_column(String(16), nullable=False)  # meta | google
    event: Mapped[str] = mapped_column(String(32), nullable=False)  # lead | screening
    # The platform's de-duplication key (Meta's event_id, Google's order_id): stable across retries.
    event_id: Mapped[str] = mapped_column(String(64), nullable=False)
    conversation_id: Mapped[int | None] = mapped_column(
        BigIntId, ForeignKey("conversations.id", ondelete="SET NULL"), nullable=True
    )
    lead_id: Mapped[int | None] = mapped_column(
        BigIntId, ForeignKey("leads.id", ondelete="SET NULL"), nullable=True
    )
    # The exact JSON to send (credentials are added at send time and never stored).
    body: Mapped[str] = mapped_column(Text, nullable=False)
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    last_error: Mapped[str | None] = mapped_column(String(500), nullable=True)
    delivered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    failed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)


class TranscriptLine(Base):
    """One message of a conversation as the person saw it (their words, the bot's messages).

    Kept for every conversation because nobody knows in advance who will become a lead; the
    dashboard shows it only for leads, /delete erases it, and a message with a tax id never gets
    here (the guard drops it before the runner).
    """

    __tablename__ = "transcript_lines"
    __table_args__ = (Index("ix_transcript_lines_conversation_id", "conversation_id"),)

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True, autoincrement=True)
    conversation_id: Mapped[int] = mapped_column(
        BigIntId, ForeignKey("conversations.id", ondelete="CASCADE"), nullable=False
    )
    role: Mapped[str] = mapped_column(String(8), nullable=False)  # person | bot
    text: Mapped[str] = mapped_column(Text, nullable=False)
    buttons: Mapped[list[str] | None] = mapped_column(JSON, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)


class LeadNote(Base):
    """A staff note on a lead, written in the dashboard's inbox."""

    __tablename__ = "lead_notes"
    __table_args__ = (Index("ix_lead_notes_lead_id", "lead_id"),)

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True, autoincrement=True)
    lead_id: Mapped[int] = mapped_column(BigIntId, ForeignKey("leads.id", ondelete="CASCADE"), nullable=False)
    author_id: Mapped[int] = mapped_column(BigInteger, nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)


class AdSpend(Base):
    """Spend per day, platform and campaign, imported from the ad platforms' CSV exports."""

    __tablename__ = "ad_spend"
    __table_args__ = (
        UniqueConstraint("day", "platform", "campaign", name="uq_ad_spend_day_platform_campaign"),
    )

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True, autoincrement=True)
    day: Mapped[date] = mapped_column(Date, nullable=False)
    platform: Mapped[str] = mapped_column(String(16), nullable=False)
    campaign: Mapped[str] = mapped_column(String(255), nullable=False)
    spend_cents: Mapped[int] = mapped_column(BigInteger, nullable=False)
    currency: Mapped[str] = mapped_column(String(3), nullable=False)
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)


class DashboardLogin(Base):
    """A sign-in link the bot sent an admin: usable once, within minutes (the signature says when)."""

    __tablename__ = "dashboard_logins"

    nonce: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(BigInteger, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


# ------------------------------------------------------------------ the funnel summary (reports)


class FunnelPerson(Base):
    """What the funnel summary knows about one person (chat): their cohort day, their groups, and
    which steps were counted for them already, so each event adds to the counts at most once."""

    __tablename__ = "funnel_people"
    __table_args__ = (Index("ix_funnel_people_day", "day"),)

    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    day: Mapped[date] = mapped_column(Date, nullable=False)  # the day of their first start
    groups: Mapped[dict[str, str]] = mapped_column(JSON, nullable=False)  # dimension -> group
    counted: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)


class FunnelCount(Base):
    """People of one cohort day and group who reached one step: summed over days, they are the report."""

    __tablename__ = "funnel_counts"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    dimension: Mapped[str] = mapped_column(String(16), primary_key=True)
    grp: Mapped[str] = mapped_column(String(255), primary_key=True)
    metric: Mapped[str] = mapped_column(String(16), primary_key=True)
    item: Mapped[str] = mapped_column(String(64), primary_key=True)  # a question or program id, or ""
    n: Mapped[int] = mapped_column(Integer, nullable=False)


class SummaryWatermark(Base):
    """The last event the funnel summary has counted."""

    __tablename__ = "summary_watermarks"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    last_event_id: Mapped[int] = mapped_column(BigInteger, nullable=False)

"""Lead queries. Like bot/db/repo.py: every function takes the caller's session and never commits.

The caller owns the transaction, so a lead, its consent link, its CRM outbox row
and the "lead_created" event are committed together or not at all.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import (
    LEAD_NEW,
    LEAD_WITHDRAWN,
    Assessment,
    Consent,
    Conversation,
    CrmOutbox,
    Lead,
    LeadConversation,
    LinkToken,
    StaffRelay,
)
from bot.db.rows import ConversationRow
from bot.features.leads import crm, crm_events
from bot.features.leads.card import build_card_data
from flows.plan import Plan

logger = logging.getLogger(__name__)


def aware(value: datetime) -> datetime:
    """SQLite hands back naive datetimes; everything stored is UTC."""
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


async def lead_of(session: AsyncSession, conversation_id: int) -> Lead | None:
    stmt = (
        select(Lead)
        .join(LeadConversation, LeadConversation.lead_id == Lead.id)
        .where(LeadConversation.conversation_id == conversation_id)
    )
    return (await session.execute(stmt)).scalar_one_or_none()


async def conversations_of(session: AsyncSession, lead_id: int) -> list[Conversation]:
    stmt = (
        select(Conversation)
        .join(LeadConversation, LeadConversation.conversation_id == Conversation.id)
        .where(LeadConversation.lead_id == lead_id)
        .order_by(LeadConversation.created_at)
    )
    return list((await session.execute(stmt)).scalars())


async def pending_consent(session: AsyncSession, conversation_id: int) -> Consent | None:
    """The latest accepted consent of this conversation that does not cover a number yet."""
    stmt = (
        select(Consent)
        .where(
            Consent.conversation_id == conversation_id,
            Consent.accepted.is_(True),
        )
        .order_by(Consent.id.desc())
        .limit(1)
    )
    return (await session.execute(stmt)).scalar_one_or_none()


async def latest_assessment(session: AsyncSession, conversation_id: int) -> Assessment | None:
    stmt = (
        select(Assessment)
        .where(Assessment.conversation_id == conversation_id)
        .order_by(Assessment.id.desc())
        .limit(1)
    )
    return (await session.execute(stmt)).scalar_one_or_none()


def parse_plan(raw: Any) -> Plan | None:
    if not isinstance(raw, dict):
        return None
    try:
        return Plan.model_validate(raw)
    except ValidationError:
        return None


async def describe_source(session: AsyncSession, conv: ConversationRow) -> str | None:
    """The campaign, plus where and how the ad ran when the link carried UTM fields (a link token)."""
    source = conv.source_last or conv.source_first
    token = await session.get(LinkToken, conv.source_token) if conv.source_token else None
    if token is None:
        return source
    detail = " / ".join(v for v in (token.utm_source, token.utm_medium, token.utm_content) if v)
    return f"{source} ({detail})" if source and detail else (source or detail or None)


@dataclass
class Erased:
    """What /delete removed, so the staff chat can be told and the card stripped after the commit."""

    found: bool
    lead_id: int | None = None
    lead_deleted: bool = False
    staff_chat_id: int | None = None
    staff_message_id: int | None = None
    # Messages the bot relayed to the staff chat for this person: deleted there too where Telegram allows.
    relay_message_ids: list[int] = field(default_factory=list)


@dataclass
class LeadResult:
    lead: Lead
    created: bool  # False: the number was already a lead (another Telegram account)


async def create_or_link_lead(
    session: AsyncSession,
    conv: ConversationRow,
    *,
    phone_e164: str,
    name: str,
    best_time: str,
    consent: Consent | None,
    now: datetime,
    crm_enabled: bool,
    plan: Plan | None = None,
    reason: str = "plan",
) -> LeadResult:
    """One lead per E.164 number: a known number links this conversation to the existing lead.

    ``plan``: what the answers gave when the number was left mid-screening (no assessment yet),
    so the staff card shows the deadline or the levy that made it urgent.
    """
    existing = (await session.execute(select(Lead).where(Lead.phone_e164 == phone_e164))).scalar_one_or_none()
    if existing is None:
        assessment = await latest_assessment(session, conv.id)
        answers = (
            dict(assessment.answers) if assessment is not None else dict(conv.snapshot.get("answers", {}))
        )
        consent_at = aware(consent.created_at) if consent is not None else now
        stored = parse_plan(assessment.plan) if assessment is not None else None
        card = build_card_data(
            plan=stored if stored is not None else plan,
            answers=answers,
            source=await describe_source(session, conv),
            consent_version=consent.version if consent is not None else "?",
            consent_at=consent_at,
        )
        card["reason"] = reason
        lead = Lead(
            phone_e164=phone_e164,
            name=name,
            best_time=best_time,
            lang=conv.lang,
            status=LEAD_NEW,
            urgent=bool(card["urgent"]),
            source=conv.source_last or conv.source_first,  # the campaign name (64 chars), as reports group it
            card=card,
            created_at=now,
            updated_at=now,
        )
        try:
            # A savepoint: two accounts racing with one number must not abort the whole step on PostgreSQL.
            async with session.begin_nested():
                session.add(lead)
                await session.flush()
        except IntegrityError:
            existing = (await session.execute(select(Lead).where(Lead.phone_e164 == phone_e164))).scalar_one()
        else:
            await _link(session, conv, lead, consent, now)
            if crm_enabled:
                source = await crm_events.attribution(session, conv.source_token, conv.click_id)
                enqueue(session, lead, "lead.created", {**lead_payload(lead, consent), **source}, now)
            return LeadResult(lead, True)
    assert existing is not None
    accounts = list(existing.card.get("accounts", []))
    accounts.append({"chat_id": conv.chat_id, "at": now.isoformat(timespec="seconds")})
    existing.card = {**existing.card, "accounts": accounts}  # reassigned: JSON is not mutation-tracked
    existing.updated_at = now
    await _link(session, conv, existing, consent, now)
    return LeadResult(existing, False)


async def _link(
    session: AsyncSession, conv: ConversationRow, lead: Lead, consent: Consent | None, now: datetime
) -> None:
    await session.execute(delete(LeadConversation).where(LeadConversation.conversation_id == conv.id))
    session.add(LeadConversation(conversation_id=conv.id, lead_id=lead.id, created_at=now))
    if consent is not None:
        consent.lead_id = lead.id
    conv.contact_phone = lead.phone_e164
    await session.flush()


async def mark_request(
    session: AsyncSession, lead: Lead, reason: str, plan: Plan | None, now: datetime
) -> None:
    """A new request on a known lead (a person asked for someone, or something became urgent)."""
    card = {**lead.card, "reason": reason}
    if plan is not None and plan.urgent:
        card.update(urgent=True, days_left=plan.days_left)
        lead.urgent = True
    lead.card = card  # reassigned: JSON is not mutation-tracked
    lead.updated_at = now


async def withdraw_lead(session: AsyncSession, lead: Lead, now: datetime, *, crm_enabled: bool) -> None:
    """The person withdrew their consent: the lead stays on record, marked so, and is not called."""
    lead.status = LEAD_WITHDRAWN
    lead.updated_at = now
    if crm_enabled:
        enqueue(
            session,
            lead,
            "lead.consent_withdrawn",
            {"event": "lead.consent_withdrawn", "lead_id": lead.id},
            now,
        )


def lead_payload(lead: Lead, consent: Consent | None) -> dict[str, Any]:
    """What the CRM receives: the lead, its urgency and plan, and the consent evidence."""
    card = lead.card
    return {
        "event": "lead.created",
        "lead_id": lead.id,
        "name": lead.name,
        "phone": lead.phone_e164,
        "best_time": lead.best_time,
        "lang": lead.lang,
        "source": lead.source,
        "source_detail": card.get("source"),
        "urgent": lead.urgent,
        "balance": card.get("balance"),
        "days_left": card.get("days_left"),
        "levy_in_progress": card.get("levy"),
        "plan_summary": card.get("plan"),
        "created_at": aware(lead.created_at).isoformat(),
        "consent": None
        if consent is None
        else {
            "version": consent.version,
            "text_hash": consent.text_hash,
            "lang": consent.lang,
            "channel": consent.channel,
            "phone": consent.phone_e164,
            "accepted_at": aware(consent.created_at).isoformat(),
        },
    }


def enqueue(
    session: AsyncSession, lead: Lead | None, event: str, payload: dict[str, Any], now: datetime
) -> None:
    session.add(
        CrmOutbox(
            lead_id=lead.id if lead is not None else None,
            event=event,
            body=crm.encode_body(payload).decode("utf-8"),
            attempts=0,
            next_attempt_at=now,
            created_at=now,
        )
    )


async def add_relay(
    session: AsyncSession,
    *,
    conversation_id: int,
    lead_id: int | None,
    staff_chat_id: int,
    staff_message_id: int,
    now: datetime,
) -> None:
    session.add(
        StaffRelay(
            conversation_id=conversation_id,
            lead_id=lead_id,
            staff_chat_id=staff_chat_id,
            staff_message_id=staff_message_id,
            created_at=now,
        )
    )


async def find_by_staff_message(
    session: AsyncSession, staff_chat_id: int, staff_message_id: int
) -> tuple[Lead | None, Conversation | None]:
    """What a staff message points at: a relayed message (its conversation), or a lead card (its lead)."""
    relay = (
        await session.execute(
            select(StaffRelay).where(
                StaffRelay.staff_chat_id == staff_chat_id, StaffRelay.staff_message_id == staff_message_id
            )
        )
    ).scalar_one_or_none()
    if relay is not None:
        conv = await session.get(Conversation, relay.conversation_id)
        lead = await session.get(Lead, relay.lead_id) if relay.lead_id is not None else None
        return lead, conv
    lead = (
        await session.execute(
            select(Lead).where(Lead.staff_chat_id == staff_chat_id, Lead.staff_message_id == staff_message_id)
        )
    ).scalar_one_or_none()
    if lead is None:
        return None, None
    convs = await conversations_of(session, lead.id)
    # The most recent account is the one the person is most likely reading.
    return lead, (convs[-1] if convs else None)


async def set_staff_message(session: AsyncSession, lead_id: int, chat_id: int, message_id: int) -> None:
    await session.execute(
        update(Lead).where(Lead.id == lead_id).values(staff_chat_id=chat_id, staff_message_id=message_id)
    )

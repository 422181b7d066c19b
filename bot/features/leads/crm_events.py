"""CRM events for the whole life of a lead, each with where the person came from.

``lead.created`` (bot/features/leads/store.py) gains the attribution below; ``lead.taken``,
``lead.handed_back``, ``lead.done`` (with the outcome staff chose) and ``lead.deleted`` are
written here, each in the transaction of the change it reports, to the same ``crm_outbox``
(signed, retried, restart-safe: bot/features/leads/outbox.py). ``lead.deleted`` carries only
the lead id and the time: the person asked for their data to be erased, and the CRM should do
the same.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import Conversation, CrmOutbox, Lead, LeadConversation, LinkToken
from bot.db.office import Click
from bot.features.leads import crm

UTM_FIELDS = ("utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term")
CLICK_FIELDS = ("fbclid", "gclid", "wbraid", "gbraid")


async def attribution(
    session: AsyncSession, source_token: str | None, click_id: int | None
) -> dict[str, Any]:
    """The UTM fields of the person's link and the ad click ids, every key present (None when unknown)."""
    token = await session.get(LinkToken, source_token) if source_token else None
    click = await session.get(Click, click_id) if click_id is not None else None
    out: dict[str, Any] = {name: getattr(token, name) if token is not None else None for name in UTM_FIELDS}
    out["click_ids"] = {name: getattr(click, name) if click is not None else None for name in CLICK_FIELDS}
    out["clicked_at"] = click.created_at.isoformat() if click is not None else None
    return out


async def latest_conversation(session: AsyncSession, lead_id: int) -> Conversation | None:
    stmt = (
        select(Conversation)
        .join(LeadConversation, LeadConversation.conversation_id == Conversation.id)
        .where(LeadConversation.lead_id == lead_id)
        .order_by(LeadConversation.created_at.desc())
        .limit(1)
    )
    return (await session.execute(stmt)).scalar_one_or_none()


def add(
    session: AsyncSession, lead_id: int | None, event: str, payload: dict[str, Any], now: datetime
) -> None:
    session.add(
        CrmOutbox(
            lead_id=lead_id,
            event=event,
            body=crm.encode_body(payload).decode("utf-8"),
            attempts=0,
            next_attempt_at=now,
            created_at=now,
        )
    )


async def lead_changed(session: AsyncSession, lead: Lead, event: str, now: datetime) -> None:
    """Taken, handed back or done: the lead's status, who has it, the outcome, and the attribution."""
    conv = await latest_conversation(session, lead.id)
    source = await attribution(session, conv.source_token if conv else None, conv.click_id if conv else None)
    payload = {
        "event": event,
        "lead_id": lead.id,
        "status": lead.status,
        "staff": lead.taken_by_name,
        "outcome": lead.outcome,
        "source": lead.source,
        "at": now.isoformat(),
        **source,
    }
    add(session, lead.id, event, payload, now)


async def lead_deleted(session: AsyncSession, lead_id: int, now: datetime) -> None:
    """Only when the CRM has the lead (a delivery went through): ask it to erase it too."""
    delivered = await session.execute(
        select(CrmOutbox.id).where(CrmOutbox.lead_id == lead_id, CrmOutbox.delivered_at.is_not(None)).limit(1)
    )
    if delivered.first() is None:
        return
    # lead_id stays off the row: the lead row is deleted with it, the id travels in the body.
    add(
        session,
        None,
        "lead.deleted",
        {"event": "lead.deleted", "lead_id": lead_id, "at": now.isoformat()},
        now,
    )

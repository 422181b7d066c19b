"""Google's offline-conversion file for firms that upload conversions by hand (Ads > Conversions >
Uploads): every lead of the range that came from a Google ad click with a gclid."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import LEAD_WITHDRAWN, Conversation, Lead, LeadConversation
from bot.db.office import Click
from bot.features.conversions.payloads import CsvConversion, offline_conversions_csv
from bot.runner.state import aware


async def offline_csv(session: AsyncSession, conversion_name: str, since: date, until: date) -> str:
    stmt = (
        select(Click.gclid, Lead.created_at)
        .select_from(Lead)
        .join(LeadConversation, LeadConversation.lead_id == Lead.id)
        .join(Conversation, Conversation.id == LeadConversation.conversation_id)
        .join(Click, Click.id == Conversation.click_id)
        .where(
            Lead.created_at >= datetime.combine(since, time.min, tzinfo=UTC),
            Lead.created_at < datetime.combine(until, time.min, tzinfo=UTC),
            Lead.status != LEAD_WITHDRAWN,
            Click.gclid.is_not(None),
        )
        .order_by(Lead.created_at, Lead.id)
    )
    seen: set[str] = set()
    rows: list[CsvConversion] = []
    for gclid, created_at in (await session.execute(stmt)).all():
        if gclid and gclid not in seen:  # one conversion per click
            seen.add(gclid)
            rows.append(CsvConversion(gclid=gclid, at=aware(created_at)))
    return offline_conversions_csv(conversion_name, rows)

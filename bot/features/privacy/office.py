"""What /delete erases of the back office: the transcript, conversions not sent yet, the ad click,
the person's entry in the funnel summary (its anonymous counts stay, like the funnel events), and
a deleted lead's notes; the CRM is asked to erase a lead it had."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import Conversation, LinkToken
from bot.db.office import Click, ConversionOutbox, FunnelPerson, LeadNote
from bot.features.leads import crm_events
from bot.features.transcript import erase_transcript


async def conversation_erased(session: AsyncSession, conv: Conversation) -> None:
    await erase_transcript(session, conv.id)
    await session.execute(
        delete(ConversionOutbox).where(
            ConversionOutbox.conversation_id == conv.id, ConversionOutbox.delivered_at.is_(None)
        )
    )
    await session.execute(
        update(ConversionOutbox)
        .where(ConversionOutbox.conversation_id == conv.id)
        .values(body="{}", conversation_id=None, lead_id=None)
    )
    if conv.click_id is not None:
        click = await session.get(Click, conv.click_id)
        if click is not None:
            await session.execute(delete(Click).where(Click.id == click.id))
            await session.execute(delete(LinkToken).where(LinkToken.token == click.token))
    await session.execute(delete(FunnelPerson).where(FunnelPerson.chat_id == conv.chat_id))


async def lead_erased(session: AsyncSession, lead_id: int, now: datetime) -> None:
    await crm_events.lead_deleted(session, lead_id, now)
    await session.execute(delete(LeadNote).where(LeadNote.lead_id == lead_id))
    await session.execute(
        update(ConversionOutbox).where(ConversionOutbox.lead_id == lead_id).values(lead_id=None)
    )

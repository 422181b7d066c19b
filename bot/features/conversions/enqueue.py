"""The step's side of conversions: which rows a step writes to the conversion outbox.

A :class:`~bot.runner.hooks.StepRecorder`, so the rows commit with the step that earned them
(a redelivered update writes nothing, so it enqueues nothing either), and sending them later
never holds a person up. Consent decides everything: a Meta or Google conversion is written only
for a lead (which exists only after "I agree") or, when META_SEND_SCREENING is on, for a screening
whose person agreed to be contacted; a person who declines sends nothing; /delete removes rows
not sent yet (bot/features/privacy/erase.py).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.db.models import Lead, LeadConversation
from bot.db.office import Click, ConversionOutbox
from bot.features.conversions.payloads import (
    META_LEAD,
    META_SCREENING,
    ClickFacts,
    google_click_conversion,
    meta_event,
)
from bot.runner.hooks import Scope
from bot.runner.state import aware

logger = logging.getLogger(__name__)

META = "meta"
GOOGLE = "google"


def encode(payload: dict[str, object]) -> str:
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


async def click_facts(session: AsyncSession, click_id: int | None) -> ClickFacts | None:
    if click_id is None:
        return None
    click = await session.get(Click, click_id)
    if click is None:
        return None
    return ClickFacts(
        fbclid=click.fbclid,
        gclid=click.gclid,
        gbraid=click.gbraid,
        wbraid=click.wbraid,
        clicked_at=aware(click.created_at),
        user_agent=click.user_agent,
    )


@dataclass
class ConversionRecorder:
    settings: Settings

    def enabled(self) -> bool:
        return self.settings.meta_enabled() or self.settings.google_enabled()

    async def __call__(self, scope: Scope) -> None:
        kinds = {kind for kind, _, _ in scope.events}
        if not kinds & {"lead_created", "consent_given"} or not self.enabled():
            return
        click = await click_facts(scope.session, scope.row.click_id)
        if click is None:
            return  # not from an ad click: nothing the platforms could attribute
        if "lead_created" in kinds:
            await self.lead(scope, click)
        if "consent_given" in kinds and self.settings.meta_send_screening and scope.row.finished_at:
            await self.screening(scope, click)

    async def lead(self, scope: Scope, click: ClickFacts) -> None:
        lead = (
            await scope.session.execute(
                select(Lead)
                .join(LeadConversation, LeadConversation.lead_id == Lead.id)
                .where(LeadConversation.conversation_id == scope.row.id)
            )
        ).scalar_one_or_none()
        if lead is None:
            return
        s = self.settings
        event_id = f"lead-{lead.id}"
        if s.meta_enabled() and click.fbclid:
            body = meta_event(
                event_name=META_LEAD, event_id=event_id, at=scope.now, click=click, phone_e164=lead.phone_e164
            )
            await self.add(scope, META, "lead", event_id, lead.id, encode(body))
        if s.google_enabled() and click.google_id() is not None:
            body = google_click_conversion(
                customer_id=s.google_ads_customer_id,
                conversion_action=s.google_ads_conversion_action,
                order_id=event_id,
                at=scope.now,
                click=click,
                phone_e164=lead.phone_e164,
            )
            await self.add(scope, GOOGLE, "lead", event_id, lead.id, encode(body))

    async def screening(self, scope: Scope, click: ClickFacts) -> None:
        if not (self.settings.meta_enabled() and click.fbclid):
            return
        finished = aware(scope.row.finished_at) if scope.row.finished_at else scope.now
        event_id = f"screening-{scope.row.id}-{int(finished.timestamp())}"
        body = meta_event(
            event_name=META_SCREENING, event_id=event_id, at=finished, click=click, phone_e164=None
        )
        await self.add(scope, META, "screening", event_id, None, encode(body))

    async def add(
        self, scope: Scope, destination: str, event: str, event_id: str, lead_id: int | None, body: str
    ) -> None:
        exists = await scope.session.execute(
            select(ConversionOutbox.id).where(
                ConversionOutbox.destination == destination, ConversionOutbox.event_id == event_id
            )
        )
        if exists.first() is not None:
            return  # the platform has (or will have) this one already
        scope.session.add(
            ConversionOutbox(
                destination=destination,
                event=event,
                event_id=event_id,
                conversation_id=scope.row.id,
                lead_id=lead_id,
                body=body,
                attempts=0,
                next_attempt_at=scope.now,
                created_at=scope.now,
            )
        )
        logger.info("conversion %s for %s queued", event_id, destination)

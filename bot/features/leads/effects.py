"""The leads feature's part of a step: the effects of consent and lead capture, carried out.

flows/capture.py decides what to ask and when; these handlers write what it decided, in
the step's transaction: the consent record (wording version and hash, time, channel),
the number that consent covers, the lead itself (with its CRM delivery, and the staff
card queued for after the replies), and what the person sends while a staff member has them.
"""

from __future__ import annotations

from aiogram import Bot

from bot.config import Settings
from bot.db.models import Consent
from bot.features.leads import store
from bot.features.leads.handoff import Handoff
from bot.runner.hooks import Scope
from bot.runner.runner import StepRunner
from flows.effects import (
    ConsentCoversPhone,
    NotifyStaff,
    RecordConsent,
    RelayToStaff,
    SaveLead,
    WithdrawConsent,
)


class LeadEffects:
    def __init__(self, settings: Settings, handoff: Handoff) -> None:
        self.settings = settings
        self.handoff = handoff

    def install(self, runner: StepRunner) -> None:
        runner.handle_effect(RecordConsent, self.record_consent)
        runner.handle_effect(ConsentCoversPhone, self.consent_covers_phone)
        runner.handle_effect(SaveLead, self.save_lead)
        runner.handle_effect(NotifyStaff, self.notify_staff)
        runner.handle_effect(WithdrawConsent, self.withdraw_consent)
        runner.handle_effect(RelayToStaff, self.relay)

    async def record_consent(self, scope: Scope, effect: RecordConsent) -> None:
        scope.session.add(
            Consent(
                conversation_id=scope.row.id,
                version=effect.version,
                text_hash=effect.text_hash,
                lang=effect.lang,
                accepted=effect.accepted,
                channel=effect.channel,
                created_at=scope.now,
            )
        )

    async def consent_covers_phone(self, scope: Scope, effect: ConsentCoversPhone) -> None:
        consent = await store.pending_consent(scope.session, scope.row.id)
        if consent is not None:
            consent.phone_e164 = effect.phone_e164

    async def save_lead(self, scope: Scope, effect: SaveLead) -> None:
        consent = await store.pending_consent(scope.session, scope.row.id)
        result = await store.create_or_link_lead(
            scope.session,
            scope.row,
            phone_e164=effect.phone_e164,
            name=effect.name,
            best_time=effect.best_time,
            consent=consent,
            now=scope.now,
            crm_enabled=bool(self.settings.crm_webhook_url),
            plan=effect.plan,
            reason=effect.reason,
        )
        lead_id, urgent = result.lead.id, bool(result.lead.urgent)
        handoff = self.handoff
        if result.created:
            scope.event("lead_created", None, urgent=urgent)

            async def post_card(bot: Bot) -> None:
                await handoff.post_card(bot, lead_id)

            scope.after.append(post_card)
        else:
            scope.event("lead_linked", None, urgent=urgent)

            async def refresh_card(bot: Bot) -> None:
                await handoff.refresh_card(bot, lead_id)

            scope.after.append(refresh_card)

    async def notify_staff(self, scope: Scope, effect: NotifyStaff) -> None:
        """A known lead asks for someone now (or something became urgent): the staff hear it at once."""
        lead = await store.lead_of(scope.session, scope.row.id)
        if lead is None:
            return
        await store.mark_request(scope.session, lead, effect.reason, effect.plan, scope.now)
        scope.event("lead_request", None, reason=effect.reason)
        lead_id, reason, handoff = lead.id, effect.reason, self.handoff

        async def tell_staff(bot: Bot) -> None:
            await handoff.lead_asks(bot, lead_id, reason)

        scope.after.append(tell_staff)

    async def withdraw_consent(self, scope: Scope, effect: WithdrawConsent) -> None:
        """ "Stop contacting me": the withdrawal is recorded, the lead is not called, staff and CRM know."""
        consent = await store.pending_consent(scope.session, scope.row.id)
        scope.session.add(
            Consent(
                conversation_id=scope.row.id,
                version=effect.version,
                text_hash=effect.text_hash,
                lang=effect.lang,
                accepted=False,
                channel=effect.channel,
                phone_e164=consent.phone_e164 if consent is not None else None,
                created_at=scope.now,
            )
        )
        lead = await store.lead_of(scope.session, scope.row.id)
        if lead is None:
            return
        await store.withdraw_lead(
            scope.session, lead, scope.now, crm_enabled=bool(self.settings.crm_webhook_url)
        )
        lead_id, handoff = lead.id, self.handoff

        async def tell_staff(bot: Bot) -> None:
            await handoff.consent_withdrawn(bot, lead_id)

        scope.after.append(tell_staff)

    async def relay(self, scope: Scope, effect: RelayToStaff) -> None:
        conversation_id, person_chat_id = scope.row.id, scope.incoming.chat_id
        message_id = (effect.message_id or scope.incoming.message_id) if effect.copy_message else None
        text, handoff = effect.text, self.handoff

        async def relay_to_staff(bot: Bot) -> None:
            await handoff.relay_to_staff(bot, person_chat_id, conversation_id, text, message_id)

        scope.after.append(relay_to_staff)

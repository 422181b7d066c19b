"""Wire the leads feature into a Dispatcher and its ConversationService; start/stop its background tasks.

One call from create_dispatcher (bot/app.py) keeps the shared files' edits to a
line: the step hook (consent-first capture, handoff pause), the after-commit hook
(staff card, relay), the ``handoff`` dependency for the staff and privacy routers,
and two background tasks bound to the dispatcher's startup/shutdown — the CRM
outbox worker (only with CRM_WEBHOOK_URL) and the reminder sweep. The clock is the
service's, so tests that move a fake clock move these too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from aiogram import Bot, Dispatcher

from bot.config import Settings
from bot.leads.capture import EXTRAS_KEY, LeadCapture
from bot.leads.handoff import Handoff
from bot.leads.outbox import CrmOutboxWorker
from bot.leads.reminders import ReminderWorker
from bot.service import ConversationService, Outcome


@dataclass
class LeadsFeature:
    capture: LeadCapture
    handoff: Handoff
    outbox: CrmOutboxWorker | None = None
    reminders: ReminderWorker | None = None
    # Background tasks run unless a test wants to drive them by hand (run_once with its own clock).
    background: bool = True
    _started: bool = field(default=False, repr=False)

    async def on_startup(self, bot: Bot) -> None:
        settings = self.capture.settings
        service = self.handoff.service
        self.reminders = ReminderWorker(
            service.session_factory,
            bot,
            delay=timedelta(hours=settings.reminder_delay_hours),
            clock=service.clock,
        )
        if self.background and not self._started:
            self._started = True
            self.reminders.start()
            if self.outbox is not None:
                self.outbox.start()

    async def on_shutdown(self) -> None:
        if self.reminders is not None:
            await self.reminders.stop()
        if self.outbox is not None:
            await self.outbox.stop()
        self._started = False

    async def after_update(self, bot: Bot, outcome: Outcome) -> None:
        await self.handoff.after_update(bot, outcome)
        extras = outcome.extras.get(EXTRAS_KEY) or {}
        if "post_card" in extras and self.outbox is not None:
            self.outbox.wake()  # the new lead's CRM row is committed: send it now, not at the next poll


def install_leads(dp: Dispatcher, service: ConversationService, settings: Settings) -> LeadsFeature:
    capture = LeadCapture(settings)
    handoff = Handoff(settings, service.session_factory, service, service.clock)
    outbox = None
    if settings.crm_webhook_url:
        outbox = CrmOutboxWorker(
            service.session_factory,
            settings.crm_webhook_url,
            settings.crm_webhook_secret,
            clock=service.clock,
        )
    feature = LeadsFeature(capture=capture, handoff=handoff, outbox=outbox)
    service.step_hooks.append(capture)
    service.after_update.append(feature.after_update)
    dp["handoff"] = handoff
    dp["leads"] = feature
    dp.startup.register(feature.on_startup)
    dp.shutdown.register(feature.on_shutdown)
    return feature

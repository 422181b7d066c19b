"""Wire the leads feature into a Dispatcher and its runner; start and stop its background work.

One call from bot/app.py: the effect handlers (consent, lead, relay), the staff router's
``handoff`` dependency, and two background tasks bound to the dispatcher's startup and
shutdown, the CRM outbox worker (only with CRM_WEBHOOK_URL) and the reminder sweep. The
clock is the runner's, so tests that move a fake clock move these too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from aiogram import Bot, Dispatcher

from bot.config import Settings
from bot.features.leads.effects import LeadEffects
from bot.features.leads.handoff import Handoff
from bot.features.leads.outbox import CrmOutboxWorker
from bot.features.leads.reminders import ReminderWorker
from bot.runner.hooks import Outcome
from bot.runner.runner import StepRunner
from flows.effects import SaveLead


@dataclass
class LeadsFeature:
    settings: Settings
    runner: StepRunner
    handoff: Handoff
    outbox: CrmOutboxWorker | None = None
    reminders: ReminderWorker | None = None
    # Background tasks run unless a test wants to drive them by hand (run_once with its own clock).
    background: bool = True
    started: bool = field(default=False, repr=False)

    async def on_startup(self, bot: Bot) -> None:
        self.reminders = ReminderWorker(
            self.runner.session_factory,
            bot,
            delay=timedelta(hours=self.settings.reminder_delay_hours),
            clock=self.runner.clock,
        )
        if self.background and not self.started:
            self.started = True
            self.reminders.start()
            if self.outbox is not None:
                self.outbox.start()

    async def on_shutdown(self) -> None:
        if self.reminders is not None:
            await self.reminders.stop()
        if self.outbox is not None:
            await self.outbox.stop()
        self.started = False

    async def wake_outbox(self, bot: Bot, outcome: Outcome) -> None:
        """A new lead's CRM row is committed: send it now, not at the next poll."""
        if self.outbox is not None and any(isinstance(e, SaveLead) for e in outcome.effects):
            self.outbox.wake()


def install_leads(dp: Dispatcher, runner: StepRunner, settings: Settings) -> LeadsFeature:
    handoff = Handoff(settings, runner)
    outbox = None
    if settings.crm_webhook_url:
        outbox = CrmOutboxWorker(
            runner.session_factory,
            settings.crm_webhook_url,
            settings.crm_webhook_secret,
            clock=runner.clock,
        )
    feature = LeadsFeature(settings=settings, runner=runner, handoff=handoff, outbox=outbox)
    LeadEffects(settings, handoff).install(runner)
    runner.observers.append(feature.wake_outbox)
    dp["handoff"] = handoff
    dp["leads"] = feature
    dp.startup.register(feature.on_startup)
    dp.shutdown.register(feature.on_shutdown)
    return feature

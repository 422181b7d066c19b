"""Wire the back office into a Dispatcher and its runner; start and stop its background work.

One call from bot/app.py: the two step recorders (the transcript, the conversions a step
earned), the sender of the conversion outbox (only when Meta or Google is configured), and the
funnel summary's roll-up every :data:`ROLLUP_EVERY_S` (which also deletes old transcripts of
conversations that never became a lead). The clock is the runner's, so tests that
move a fake clock move these too.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from aiogram import Bot, Dispatcher

from bot.config import Settings
from bot.features.conversions.enqueue import ConversionRecorder
from bot.features.conversions.sender import ConversionSender
from bot.features.leads.worker import PollingWorker
from bot.features.reports.summary import roll_up
from bot.features.transcript import prune as prune_transcripts
from bot.features.transcript import record_transcript
from bot.runner.hooks import Outcome
from bot.runner.runner import StepRunner

logger = logging.getLogger(__name__)

ROLLUP_EVERY_S = 30.0
WAKE_KINDS = frozenset({"lead_created", "consent_given"})


class SummaryWorker(PollingWorker):
    name = "funnel-summary"

    def __init__(self, runner: StepRunner, poll_interval: float = ROLLUP_EVERY_S) -> None:
        super().__init__()
        self.runner = runner
        self.poll_interval = poll_interval

    async def run_once(self) -> int:
        factory = self.runner.session_factory
        async with factory() as session, session.begin():
            await prune_transcripts(session, self.runner.clock())
        return await roll_up(factory, self.runner.clock())


@dataclass
class Backoffice:
    settings: Settings
    runner: StepRunner
    sender: ConversionSender | None = None
    summary: SummaryWorker | None = None
    background: bool = True
    started: bool = field(default=False, repr=False)

    async def on_startup(self, bot: Bot) -> None:
        if not self.background or self.started:
            return
        self.started = True
        if self.sender is not None:
            self.sender.start()
        if self.summary is not None:
            self.summary.start()

    async def on_shutdown(self) -> None:
        for worker in (self.sender, self.summary):
            if worker is not None:
                await worker.stop()
        self.started = False

    async def wake_sender(self, bot: Bot, outcome: Outcome) -> None:
        """A conversion row is committed: send it now, not at the next poll."""
        if self.sender is not None and WAKE_KINDS & set(outcome.event_kinds):
            self.sender.wake()


def install_backoffice(dp: Dispatcher, runner: StepRunner, settings: Settings) -> Backoffice:
    runner.recorders.append(record_transcript)
    recorder = ConversionRecorder(settings)
    office = Backoffice(settings=settings, runner=runner, summary=SummaryWorker(runner))
    if recorder.enabled():
        runner.recorders.append(recorder)
        office.sender = ConversionSender(runner.session_factory, settings, clock=runner.clock)
        runner.observers.append(office.wake_sender)
    dp["backoffice"] = office
    dp.startup.register(office.on_startup)
    dp.shutdown.register(office.on_shutdown)
    return office

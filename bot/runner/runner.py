"""The runner: one person's update in, one transaction, then the replies.

For each update:

1. hold the chat (bot/db/store.py: in this process and across processes) until the
   replies are sent, so one chat's updates never interleave;
2. in ONE transaction with the update's claim (a redelivered update writes and sends
   nothing): read the conversation, resolve a deep link's campaign, let the
   conversation (flows/engine.py) decide, carry out the turn's effects through the
   features' handlers, store the row and the events;
3. answer the button press, mark the chosen answer and send the messages: nothing
   reaches the person for a step that was not stored;
4. run what the effects queued for after the replies (a card for the staff), then the
   observers.

Routers only translate updates into an :class:`~bot.telegram.incoming.Incoming`; the
runner decides nothing a person sees.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from aiogram import Bot
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.config.variants import load_or_empty
from bot.db import repo
from bot.db.store import ChatStore, StepTx
from bot.runner.hooks import EffectHandler, Observer, Outcome, Scope, SourceResolver, StepRecorder
from bot.runner.state import apply_state, new_row, state_of, to_jsonable
from bot.telegram import render
from bot.telegram.deliver import answer_press, send_replies
from bot.telegram.incoming import Incoming
from flows import engine
from flows.catalogue import normalize_lang
from flows.chat import Act, ChatInput, ChatState, Context, Firm, Phones, Screening, Turn
from flows.effects import Effect, SaveAssessment

logger = logging.getLogger(__name__)

Converse = Callable[[ChatState | None, ChatInput, Context], Turn]


def utc_now() -> datetime:
    return datetime.now(UTC)


class StepRunner:
    """Runs every person's update. One per running bot, injected into handlers as ``runner``."""

    def __init__(
        self,
        settings: Settings,
        session_factory: async_sessionmaker[AsyncSession],
        *,
        phones: Phones,
        screening: Screening | None = None,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self.settings = settings
        self.session_factory = session_factory
        self.store = ChatStore(session_factory)
        self.phones = phones
        self.screening = screening
        self.clock = clock
        self.converse: Converse = engine.step
        # A/B assignment draws from this; tests replace it with a seeded Random.
        self.variant_rng = random.Random()
        self.effect_handlers: dict[type[Any], EffectHandler] = {SaveAssessment: save_assessment}
        self.resolve_source: SourceResolver | None = None
        self.recorders: list[StepRecorder] = []
        self.observers: list[Observer] = []
        # The Mini Apps whose buttons are shown, by name, and their addresses (bot/features/finform).
        self.web_apps: dict[str, str] = {}
        self.in_flight = 0
        self.idle = asyncio.Event()
        self.idle.set()

    def handle_effect(self, kind: type[Effect], handler: EffectHandler) -> None:
        if kind in self.effect_handlers:
            raise ValueError(f"{kind.__name__} has a handler already")
        self.effect_handlers[kind] = handler

    def firm(self) -> Firm:
        s = self.settings
        return Firm(name=s.firm_name, phone=s.firm_phone, booking_url=s.firm_booking_url)

    def context(self, now: datetime) -> Context:
        extra: dict[str, Any] = {"screening": self.screening} if self.screening is not None else {}
        return Context(
            now=now,
            firm=self.firm(),
            phones=self.phones,
            variants=load_or_empty(self.settings.variants_file or None),
            rng=self.variant_rng,
            resume_after=timedelta(minutes=self.settings.resume_prompt_after_minutes),
            hours=self.settings.hours(),
            **extra,
        )

    # ------------------------------------------------------------------ one update

    async def handle(self, bot: Bot, incoming: Incoming) -> Outcome:
        self.in_flight += 1
        self.idle.clear()
        try:
            async with self.store.hold(incoming.chat_id) as held:
                try:
                    outcome = await held.step(
                        incoming.chat_id, incoming.update_id, self.clock(), lambda tx: self.work(tx, incoming)
                    )
                except Exception:
                    # The spinner must stop even when the step failed; the errors router apologises.
                    await answer_press(bot, incoming)
                    raise
                if outcome is None:
                    outcome = Outcome(incoming=incoming, duplicate=True)
                    await answer_press(bot, incoming)
                else:
                    await answer_press(bot, incoming, outcome.turn.notice if outcome.turn else None)
                    mark = outcome.turn is not None and outcome.turn.mark_chosen
                    outcome.delivered = await send_replies(bot, incoming, outcome.messages, mark_chosen=mark)
            await self.after(bot, outcome)
            return outcome
        finally:
            self.in_flight -= 1
            if self.in_flight == 0:
                self.idle.set()

    async def work(self, tx: StepTx, incoming: Incoming) -> Outcome:
        """Inside the transaction: decide, carry out, store."""
        now = self.clock()
        row = await tx.row()
        inp = incoming.chat
        if inp.act is Act.START and inp.payload and self.resolve_source is not None:
            source = await self.resolve_source(tx.session, inp.payload)
            if source is None:
                logger.info("ignored an unusable deep-link payload in chat %s", incoming.chat_id)
            inp = replace(inp, source=source)
        turn = self.converse(state_of(row) if row is not None else None, inp, self.context(now))
        outcome = Outcome(
            incoming=incoming,
            turn=turn,
            lang=turn.state.lang if turn.state else normalize_lang(inp.language_code),
        )
        outcome.messages = render.render_messages(turn.messages, turn.step, self.web_apps)
        if turn.state is None:
            return outcome  # nothing to store (/cancel before any conversation)
        if row is None:
            row = await tx.insert(new_row(incoming.chat_id, incoming.user_id, turn.state, now))
        else:
            apply_state(row, turn.state, now)
        scope = Scope(tx=tx, row=row, incoming=incoming, turn=turn, now=now)
        scope.events.extend((ev.kind, ev.question_id, to_jsonable(ev.data)) for ev in turn.events)
        for effect in turn.effects:
            handler = self.effect_handlers.get(type(effect))
            if handler is None:
                raise LookupError(f"no handler for {type(effect).__name__}: the feature is not installed")
            await handler(scope, effect)
        for record in self.recorders:
            await record(scope)
        await tx.save(row)
        await tx.add_events(row, scope.events, row.source_last, now)
        outcome.conversation_id = row.id
        outcome.status = row.status
        outcome.source = row.source_last
        outcome.finished = turn.finished
        outcome.event_kinds = [kind for kind, _, _ in scope.events]
        outcome.effects = list(turn.effects)
        outcome.after = scope.after
        outcome.assessment_id = scope.assessment_id
        return outcome

    async def claim(self, chat_id: int, update_id: int) -> bool:
        """Claim an update whose only effect is a reply (a warning, a note): False for a redelivery."""
        async with self.store.hold(chat_id) as held:
            async with held.transaction(update_id, chat_id, self.clock()) as session:
                return session is not None

    async def after(self, bot: Bot, outcome: Outcome) -> None:
        """What the effects queued for after the replies, then the observers; a failure is logged only."""
        for work in outcome.after:
            try:
                await work(bot)
            except Exception:
                logger.exception("after-commit work %r failed", work)
        for observer in self.observers:
            try:
                await observer(bot, outcome)
            except Exception:
                logger.exception("observer %r failed", observer)

    async def drain(self, wait_s: float = 10.0) -> None:
        """Wait for updates in progress, so shutdown does not cut a step between commit and send."""
        try:
            await asyncio.wait_for(self.idle.wait(), wait_s)
        except TimeoutError:
            logger.warning("shutdown with %d update(s) still in progress", self.in_flight)


async def save_assessment(scope: Scope, effect: SaveAssessment) -> None:
    """The answers and the plan as the person saw them, for the staff card and the reports."""
    row = await repo.add_assessment(
        scope.session, scope.row, to_jsonable(effect.answers), to_jsonable(effect.plan), scope.now
    )
    scope.assessment_id = row.id


async def prune_processed_updates(
    session_factory: async_sessionmaker[AsyncSession], keep: timedelta = timedelta(days=7)
) -> int:
    async with session_factory() as session, session.begin():
        return await repo.prune_processed_updates(session, utc_now() - keep)

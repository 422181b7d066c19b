"""One reminder for a screening left in the middle, with a button to continue where they stopped.

Who gets one: an ACTIVE conversation (not finished, not cancelled) whose last
update is older than REMINDER_DELAY_HOURS, not opted out (/stop), not with a staff
member, and not reminded since their last activity. ``reminder_sent_at`` later than
``updated_at`` means "already reminded for this abandonment"; any update from the
person moves updated_at past it, so a person who comes back and leaves again can
get one more — one per abandonment. Erased people have no row, so they are never
found.

A row is claimed with a conditional UPDATE before sending (at most one reminder
even with several bot processes; a send that fails is not retried forever — a
missed reminder is better than a duplicate). Sends are paced by SendLimiter and
sit out 429s.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from pydantic import ValidationError
from sqlalchemy import and_, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.sql.elements import ColumnElement

from bot.db.models import STATUS_ACTIVE, Conversation, EventRecord
from bot.features.leads.ratelimit import SendLimiter, Sleep, call_with_retry_after
from bot.features.leads.worker import PollingWorker
from bot.telegram import render
from flows.reminder import reminder
from flows.types import Snapshot

logger = logging.getLogger(__name__)


def stored_snapshot(raw: object) -> Snapshot:
    """The stored snapshot; an unreadable one (an older deploy's) reminds without a count."""
    try:
        return Snapshot.model_validate(raw)
    except ValidationError:
        return Snapshot(state="review")


def _due_filter(cutoff: datetime) -> list[ColumnElement[bool]]:
    return [
        Conversation.status == STATUS_ACTIVE,
        Conversation.with_staff.is_(False),
        Conversation.opted_out.is_(False),
        Conversation.updated_at <= cutoff,
        or_(Conversation.reminder_sent_at.is_(None), Conversation.reminder_sent_at < Conversation.updated_at),
    ]


class ReminderWorker(PollingWorker):
    name = "reminders"

    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        bot: Bot,
        *,
        delay: timedelta,
        clock: Callable[[], datetime],
        limiter: SendLimiter | None = None,
        sleep: Sleep = asyncio.sleep,
        poll_interval: float = 60.0,
        batch: int = 200,
    ) -> None:
        super().__init__()
        self.session_factory = session_factory
        self.bot = bot
        self.delay = delay
        self.clock = clock
        self.limiter = limiter or SendLimiter(sleep=sleep)
        self._sleep = sleep
        self.poll_interval = poll_interval
        self.batch = batch

    async def run_once(self) -> int:
        """Send the reminders due now; returns how many went out."""
        sent = 0
        for chat_id, lang, snapshot in await self._claim_due():
            if await self._send(chat_id, lang, snapshot):
                sent += 1
        return sent

    async def _claim_due(self) -> list[tuple[int, str, Snapshot]]:
        now = self.clock()
        cutoff = now - self.delay
        claimed: list[tuple[int, str, Snapshot]] = []
        async with self.session_factory() as session, session.begin():
            rows = (
                await session.execute(
                    select(Conversation.id, Conversation.chat_id, Conversation.lang, Conversation.snapshot)
                    .where(*_due_filter(cutoff))
                    .order_by(Conversation.updated_at)
                    .limit(self.batch)
                )
            ).all()
            for conv_id, chat_id, lang, snapshot in rows:
                # Re-check the conditions in the UPDATE itself: the person may have written meanwhile.
                result = await session.execute(
                    update(Conversation)
                    .where(and_(Conversation.id == conv_id, *_due_filter(cutoff)))
                    .values(reminder_sent_at=now)
                    .execution_options(synchronize_session=False)
                )
                if getattr(result, "rowcount", 0) == 1:
                    claimed.append((chat_id, lang, stored_snapshot(snapshot)))
                    session.add(
                        EventRecord(
                            conversation_id=conv_id,
                            chat_id=chat_id,
                            kind="reminder_sent",
                            data={},
                            created_at=now,
                        )
                    )
        return claimed

    async def _send(self, chat_id: int, lang: str, snapshot: Snapshot) -> bool:
        # The button is the welcome-back offer's own "resume" at the stored step: if the person
        # moved on in the meantime it is simply stale, never a wrong answer.
        out = render.render_message(reminder(snapshot, lang), snapshot.step)
        text, markup = out.text, out.reply_markup
        await self.limiter.acquire(chat_id)
        try:
            await call_with_retry_after(
                lambda: self.bot.send_message(chat_id, text, reply_markup=markup), sleep=self._sleep
            )
        except TelegramAPIError as error:  # blocked the bot, chat gone, or a flood wait we gave up on
            logger.info("reminder to chat %s not sent: %s", chat_id, type(error).__name__)
            return False
        return True

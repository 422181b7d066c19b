"""Run the real bot (build_app + polling, the path `python -m bot` takes) against FakeTelegram."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from aiogram import Bot
from sqlalchemy import select

from bot.app import App, build_app
from bot.config import Settings
from bot.db import repo
from bot.db.engine import create_engine, create_session_factory
from bot.db.models import Conversation
from bot.runner.hooks import Outcome
from flows.chat import Screening
from tests.fakes.telegram import BotMessage, FakeTelegram, FakeUser

T = TypeVar("T")

FIRM_NAME = "Acme & Sons <Tax>"
FIRM_PHONE = "+1 555 010 2000"
BOOKING_URL = "https://example.com/book"


class FakeClock:
    """Wall clock the test moves by hand (returning person after a pause, deadlines)."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 11, 25, 15, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def make_settings(tg: FakeTelegram, database_url: str, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "bot_token": tg.token,
        "bot_api_url": tg.base_url,
        "database_url": database_url,
        "firm_name": FIRM_NAME,
        "firm_phone": FIRM_PHONE,
        "firm_booking_url": BOOKING_URL,
        **overrides,
    }
    # _env_file=None: a developer's .env must not leak into tests.
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


class BotRunner:
    """Starts and stops bot processes (same DB, fresh Bot/Dispatcher each time) inside one test."""

    def __init__(
        self, tg: FakeTelegram, database_url: str, screening: Screening | None, clock: FakeClock
    ) -> None:
        self.tg = tg
        self.database_url = database_url
        self.screening = screening
        self.clock = clock
        self.app: App | None = None
        self._task: asyncio.Task[None] | None = None
        self.handled = 0  # updates the service finished (replies sent), across restarts
        self.outcomes: list[Outcome] = []
        self._changed = asyncio.Condition()

    async def _count(self, _bot: Bot, outcome: Outcome) -> None:
        async with self._changed:
            self.handled += 1
            self.outcomes.append(outcome)
            self._changed.notify_all()

    async def wait_handled(self, count: int, timeout: float = 10.0) -> None:  # noqa: ASYNC109
        async with asyncio.timeout(timeout), self._changed:
            await self._changed.wait_for(lambda: self.handled >= count)

    def chat(self, user: FakeUser) -> Chat:
        return Chat(self, user)

    async def start(self, **settings: Any) -> App:
        assert self.app is None, "already running"
        app = await build_app(
            make_settings(self.tg, self.database_url, **settings), screening=self.screening, clock=self.clock
        )
        app.runner.observers.append(self._count)
        self.app = app
        self._task = asyncio.create_task(app.run_polling(handle_signals=False, polling_timeout=2))
        await asyncio.wait_for(app.started.wait(), 5)
        return app

    async def stop(self) -> None:
        if self.app is None or self._task is None:
            return
        app, task = self.app, self._task
        self.app, self._task = None, None
        if task.done():
            await task  # surface a crash
            return
        await app.stop()
        await asyncio.wait_for(task, 10)

    async def restart(self) -> App:
        await self.stop()
        return await self.start()


class Chat:
    """One person talking to the running bot. Each action waits until the bot has fully handled the
    update (the runner's observers ran, so every reply was already sent) and returns the
    new messages: no sleeps, no guessing how many messages a step produces."""

    def __init__(self, runner: BotRunner, user: FakeUser) -> None:
        self.runner = runner
        self.user = user

    async def _settle(
        self,
        action: Awaitable[object],
        updates: int = 1,
        timeout: float = 10.0,  # noqa: ASYNC109
    ) -> list[BotMessage]:
        target = self.runner.handled + updates
        await action
        await self.runner.wait_handled(target, timeout)
        return await self.read()

    async def read(self) -> list[BotMessage]:
        unread = len(self.user.unread)
        return await self.user.wait_messages(unread) if unread else []

    async def send(self, text: str) -> list[BotMessage]:
        return await self._settle(self.user.send(text))

    async def press(self, button: str, message: BotMessage | None = None) -> list[BotMessage]:
        return await self._settle(self.user.press(button, message))

    async def answer(self, reply: str) -> list[BotMessage]:
        """A scripted answer: "b:Label" presses a button of the latest question, anything else is typed."""
        if reply.startswith("b:"):
            return await self.press(reply[2:])
        return await self.send(reply)

    async def do(
        self,
        action: Awaitable[object],
        updates: int = 1,
        timeout: float = 10.0,  # noqa: ASYNC109
    ) -> list[BotMessage]:
        """Any action of the person's (a photo: ``user.send_photo(...)``); ``timeout`` for a slow one."""
        return await self._settle(action, updates, timeout)


async def run_script(chat: Chat, script: list[str], *, hint: str = "Question ") -> list[BotMessage]:
    """Answer every reply in order; each must be accepted (the next question carries the progress
    hint). Returns the messages after the last answer: the plan and the call to action."""
    replies: list[BotMessage] = []
    for number, reply in enumerate(script, start=1):
        replies = await chat.answer(reply)
        assert replies, f"no reply to answer {number} ({reply!r})"
        if number < len(script):
            assert any(hint in m.text for m in replies), (
                f"answer {number} ({reply!r}) was not accepted; the bot said: {[m.text for m in replies]}"
            )
    return replies


async def fetch_conversation(database_url: str, chat_id: int) -> Conversation:
    engine = create_engine(database_url)
    try:
        async with create_session_factory(engine)() as session:
            conv = await repo.get_conversation(session, chat_id)
            assert conv is not None, f"no conversation stored for chat {chat_id}"
            return conv
    finally:
        await engine.dispose()


async def fetch_rows(database_url: str, model: type[T], *where: Any) -> list[T]:
    engine = create_engine(database_url)
    try:
        async with create_session_factory(engine)() as session:
            return list((await session.execute(select(model).where(*where))).scalars())
    finally:
        await engine.dispose()

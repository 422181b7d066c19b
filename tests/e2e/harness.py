"""Run the real bot (build_app + polling, the path `python -m bot` takes) against FakeTelegram."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.app import App, build_app
from bot.config import Settings
from bot.service import FlowEngine
from tests.fakes.telegram import FakeTelegram

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
        self, tg: FakeTelegram, database_url: str, flow: FlowEngine | None, clock: FakeClock
    ) -> None:
        self.tg = tg
        self.database_url = database_url
        self.flow = flow
        self.clock = clock
        self.app: App | None = None
        self._task: asyncio.Task[None] | None = None

    async def start(self, **settings: Any) -> App:
        assert self.app is None, "already running"
        app = await build_app(
            make_settings(self.tg, self.database_url, **settings), flow=self.flow, clock=self.clock
        )
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

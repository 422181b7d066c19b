"""Shared steps for the leads end-to-end tests (tests/e2e/test_leads_*.py)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from bot.db.engine import create_engine, create_session_factory
from tests.e2e.harness import Chat
from tests.fakes.telegram import BotMessage

STAFF_CHAT_ID = -1001234567890
AGREE = "✅ I agree, contact me"
DECLINE = "No, thanks"
SHARE = "📱 Share my number"


async def finish_stub(chat: Chat, name: str = "Ann") -> list[BotMessage]:
    """The two-question stub screening to its result; returns result, call to action and consent."""
    await chat.send("/start")
    await chat.send(name)
    return await chat.press("Blue")


async def become_lead(
    chat: Chat, phone: str = "(415) 555-2671", name: str = "Ann Lee", best_time: str = "Morning"
) -> list[BotMessage]:
    await finish_stub(chat)
    await chat.press(AGREE)
    await chat.send(phone)
    await chat.send(name)
    return await chat.send(best_time)


async def eventually(check: Callable[[], Any], timeout: float = 5.0) -> Any:  # noqa: ASYNC109
    """Poll an async condition (database state a background task writes) without fixed sleeps."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        value = await check()
        if value:
            return value
        if loop.time() >= deadline:
            raise AssertionError(f"condition not met within {timeout}s (last value {value!r})")
        await asyncio.sleep(0.02)


async def sql(database_url: str, statement: Any) -> list[Any]:
    engine = create_engine(database_url)
    try:
        async with create_session_factory(engine)() as session, session.begin():
            result = await session.execute(statement)
            return list(result.all()) if result.returns_rows else []
    finally:
        await engine.dispose()

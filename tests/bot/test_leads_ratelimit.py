"""Reminder pacing stays inside Telegram's limits and sits out a 429, on a fake clock."""

from __future__ import annotations

import pytest
from aiogram.exceptions import TelegramRetryAfter
from aiogram.methods import SendMessage

from bot.features.leads.ratelimit import SendLimiter, call_with_retry_after


class FakeTime:
    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


async def test_overall_rate_is_capped_per_second() -> None:
    ft = FakeTime()
    limiter = SendLimiter(per_second=30, clock=ft.clock, sleep=ft.sleep)
    times = []
    for chat in range(90):
        await limiter.acquire(chat)
        times.append(ft.now)
    for i in range(len(times) - 30):
        assert times[i + 30] - times[i] >= 1.0
    assert ft.now == pytest.approx(2.0)


async def test_one_message_per_second_per_chat() -> None:
    ft = FakeTime()
    limiter = SendLimiter(clock=ft.clock, sleep=ft.sleep)
    await limiter.acquire(7)
    await limiter.acquire(8)  # another chat is not held back
    assert ft.now == 0.0
    await limiter.acquire(7)
    assert ft.now == pytest.approx(1.0)


async def test_retry_after_waits_what_telegram_asked() -> None:
    ft = FakeTime()
    calls = 0

    async def send() -> str:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise TelegramRetryAfter(SendMessage(chat_id=1, text="x"), "Too Many Requests", 17)
        return "ok"

    assert await call_with_retry_after(send, sleep=ft.sleep) == "ok"
    assert ft.slept == [17.0]


async def test_retry_after_is_bounded() -> None:
    ft = FakeTime()

    async def send() -> str:
        raise TelegramRetryAfter(SendMessage(chat_id=1, text="x"), "Too Many Requests", 1)

    with pytest.raises(TelegramRetryAfter):
        await call_with_retry_after(send, sleep=ft.sleep, max_attempts=3)
    assert ft.slept == [1.0, 1.0]

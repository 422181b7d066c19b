"""Pacing for messages the bot sends on its own (reminders), within Telegram's limits.

Telegram's Bot FAQ (engineering notes §4.4): about 30 messages per second overall
and about 1 per second per chat. Replies to a person's own message are paced by the
person; a background sweep that finds 500 abandoned screenings at once is not, so
it goes through this limiter. The clock and sleep are injectable so tests run the
pacing without real waiting.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable
from typing import TypeVar

from aiogram.exceptions import TelegramRetryAfter

Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]
T = TypeVar("T")


class SendLimiter:
    """At most ``per_second`` sends in any one-second window, and one per ``per_chat_interval`` per chat."""

    def __init__(
        self,
        per_second: int = 30,
        per_chat_interval: float = 1.0,
        clock: Clock = time.monotonic,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self.per_second = per_second
        self.per_chat_interval = per_chat_interval
        self._clock = clock
        self._sleep = sleep
        self._recent: deque[float] = deque()
        self._last_by_chat: dict[int, float] = {}
        # One lock: the limiter is a queue, and waiting while holding it is what keeps the order fair.
        self._lock = asyncio.Lock()

    def _wait_for(self, chat_id: int, now: float) -> float:
        while self._recent and now - self._recent[0] >= 1.0:
            self._recent.popleft()
        wait = 0.0
        if len(self._recent) >= self.per_second:
            wait = self._recent[0] + 1.0 - now
        last = self._last_by_chat.get(chat_id)
        if last is not None:
            wait = max(wait, last + self.per_chat_interval - now)
        return wait

    async def acquire(self, chat_id: int) -> None:
        async with self._lock:
            while True:
                now = self._clock()
                wait = self._wait_for(chat_id, now)
                if wait <= 0:
                    break
                await self._sleep(wait)
            self._recent.append(now)
            self._last_by_chat[chat_id] = now
            # Forget chats whose interval has passed so the map does not grow with every person ever reminded.
            if len(self._last_by_chat) > 10_000:
                cutoff = now - self.per_chat_interval
                self._last_by_chat = {c: t for c, t in self._last_by_chat.items() if t > cutoff}


async def call_with_retry_after(
    call: Callable[[], Awaitable[T]], sleep: Sleep = asyncio.sleep, max_attempts: int = 3
) -> T:
    """Run ``call``; on a 429 wait exactly the ``retry_after`` Telegram asked for, a bounded number of times.

    The session's RetryMiddleware already absorbs short 429s; this catches the ones it
    gives up on (long flood waits), which a background task can afford to sit out.
    """
    attempt = 1
    while True:
        try:
            return await call()
        except TelegramRetryAfter as error:
            if attempt >= max_attempts:
                raise
            await sleep(float(error.retry_after))
            attempt += 1

"""Per-chat asyncio locks that disappear when nobody holds or waits for them.

aiogram's SimpleEventIsolation never prunes its lock dict; here each lock is
reference-counted so memory tracks the chats active right now, not every chat
ever seen. One instance per service (no module global), so tests start clean.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Hashable
from contextlib import asynccontextmanager


class _Entry:
    __slots__ = ("lock", "users")

    def __init__(self) -> None:
        self.lock = asyncio.Lock()
        self.users = 0


class KeyedLocks:
    def __init__(self) -> None:
        self._entries: dict[Hashable, _Entry] = {}

    @asynccontextmanager
    async def hold(self, key: Hashable) -> AsyncIterator[None]:
        entry = self._entries.get(key)
        if entry is None:
            entry = self._entries[key] = _Entry()
        entry.users += 1
        try:
            # asyncio.Lock wakes waiters in FIFO order, so a chat's updates run in arrival order.
            async with entry.lock:
                yield
        finally:
            entry.users -= 1
            if entry.users == 0:
                del self._entries[key]

    def __len__(self) -> int:
        return len(self._entries)

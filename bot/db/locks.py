"""Per-chat asyncio locks that disappear when nobody holds or waits for them.

aiogram's SimpleEventIsolation never prunes its lock dict; here each lock is
reference-counted so memory tracks the chats active right now, not every chat
ever seen. One instance per service (no module global), so tests start clean.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Hashable, Iterable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Protocol, TypeVar

import asyncpg
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker

from bot.db.fast import OPEN_STEP


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


logger = logging.getLogger(__name__)

# ---------------------------------------------------------------------------- across processes
#
# The in-process lock above orders one chat's updates inside one worker. With several webhook workers
# behind a load balancer, two updates of one chat can run in two processes at once. A transaction-level
# lock would serialise the *transactions* but is released at COMMIT, before the replies are sent: worker
# A could commit step 1, worker B commit step 2 and send its question before A has sent step 1's answer.
# The person would see replies out of order.
#
# ChatLock closes that gap: a session-level advisory lock, taken on a connection of its own before the
# transaction and released only after the replies were sent. The step's transaction then runs on that
# same connection, so one update never needs two pooled connections (two per update would let a burst
# of updates exhaust the pool with lock holders all waiting for a second connection).

# Two-int advisory keys: a key space of our own, apart from any one-bigint key another tool might use.
LOCK_NAMESPACE = 0x1B07
# A chat waiting longer than this for another worker gets a lock-timeout error: the webhook answers
# 503 and Telegram redelivers, instead of a request hanging past Telegram's own timeout.
LOCK_TIMEOUT = "25s"  # a PostgreSQL interval literal
T = TypeVar("T")


def chat_lock_key(chat_id: int) -> int:
    """Fold a 64-bit chat id into the signed 32-bit second key. A collision only serialises two chats."""
    folded = (chat_id ^ (chat_id >> 32)) & 0xFFFFFFFF
    return folded - (1 << 32) if folded >= 1 << 31 else folded


def asyncpg_of(conn: AsyncConnection) -> asyncpg.Connection:
    """The asyncpg connection under a checked-out SQLAlchemy one.

    Read synchronously: ``await conn.get_raw_connection()`` gives the same object but costs a
    greenlet switch, twice per update on this path. A connection just checked out (and not
    invalidated) always has it.
    """
    driver = conn.sync_connection.connection.driver_connection if conn.sync_connection else None
    assert isinstance(driver, asyncpg.Connection)
    return driver


class ChatLock(Protocol):
    def hold(self, chat_id: int) -> AbstractAsyncContextManager[AsyncConnection | None]:
        """Hold the chat across processes; yields the connection the step should run on, if any."""
        ...

    def hold_many(self, chat_ids: Iterable[int]) -> AbstractAsyncContextManager[AsyncConnection | None]:
        """Hold several chats at once (a staff action touches every account of a lead)."""
        ...


class LocalOnlyChatLock:
    """SQLite: one process per database file, so the in-process lock plus BEGIN IMMEDIATE suffice."""

    @asynccontextmanager
    async def hold(self, chat_id: int) -> AsyncIterator[AsyncConnection | None]:
        yield None

    @asynccontextmanager
    async def hold_many(self, chat_ids: Iterable[int]) -> AsyncIterator[AsyncConnection | None]:
        yield None


class PostgresChatLock:
    """pg_advisory_lock held from before the transaction until after the replies went out.

    This is the only database lock a chat's writers take: everything bot/db/store.py holds (a
    step, /mydata, /delete, the staff handoff) runs its transaction on the connection that
    holds it. (A transaction-level lock on top of it was one more round trip per update
    and protected nothing this one does not.)
    """

    def __init__(self, engine: AsyncEngine, lock_timeout: str = LOCK_TIMEOUT) -> None:
        self.engine = engine
        self.lock_timeout = lock_timeout

    def hold(self, chat_id: int) -> AbstractAsyncContextManager[AsyncConnection | None]:
        return self.hold_many((chat_id,))

    @asynccontextmanager
    async def hold_many(self, chat_ids: Iterable[int]) -> AsyncIterator[AsyncConnection | None]:
        # Both keys are ints we computed, so formatting them into SQL is safe. Lock and unlock go straight
        # to asyncpg as one simple query each: through SQLAlchemy they cost BEGIN, SET, SELECT, COMMIT and
        # BEGIN, SELECT, COMMIT, seven round trips that the benchmark's profile showed on every update.
        # Sorted and de-duplicated (two chats can fold to one key): every holder takes its keys in the
        # same order, so two staff actions over overlapping people cannot deadlock.
        keys = sorted({int(chat_lock_key(chat_id)) for chat_id in chat_ids})
        lock_sql = (
            f"SET lock_timeout = '{self.lock_timeout}'; "
            + "".join(f"SELECT pg_advisory_lock({LOCK_NAMESPACE}, {key}); " for key in keys)
            + "RESET lock_timeout"
        )

        async def lock(driver: asyncpg.Connection) -> None:
            await driver.execute(lock_sql)  # outside any transaction: the lock is session-level

        async with self._held(keys, lock) as (conn, _):
            yield conn

    @asynccontextmanager
    async def hold_reading(
        self, chat_id: int
    ) -> AsyncIterator[tuple[AsyncConnection, asyncpg.Record | None]]:
        """Hold one chat and read its conversation row in the same round trip (the step's first).

        ``bot_open_step`` (migrations/versions/0004_step_functions.py) takes the lock, then reads
        the row inside the function: after the wait, so the read sees what the previous holder
        committed. The lock is session-level and outlives that statement, as ``hold``'s does.
        """
        key = int(chat_lock_key(chat_id))

        async def lock_and_read(driver: asyncpg.Connection) -> asyncpg.Record | None:
            return await driver.fetchrow(OPEN_STEP, LOCK_NAMESPACE, key, self.lock_timeout, chat_id)

        async with self._held([key], lock_and_read) as held:
            yield held

    @asynccontextmanager
    async def _held(
        self, keys: list[int], take: Callable[[asyncpg.Connection], Awaitable[T]]
    ) -> AsyncIterator[tuple[AsyncConnection, T]]:
        """A pooled connection on which ``take`` locked ``keys``; unlocked (or dropped) on the way out.

        A transaction the holder left open is rolled back here, before the unlock, so the pool
        never gets one back and no half-done step is committed.
        """
        unlock_sql = "; ".join(f"SELECT pg_advisory_unlock({LOCK_NAMESPACE}, {key})" for key in keys)
        conn = await self.engine.connect()
        clean = False
        try:
            driver = asyncpg_of(conn)
            try:
                taken = await take(driver)
            except (asyncpg.PostgresError, asyncpg.InterfaceError) as error:
                # Raised as SQLAlchemy's OperationalError so the webhook treats a lock timeout or a lost
                # connection like any other database outage: 503, and Telegram delivers the update again.
                raise OperationalError("chat lock", None, error) from error
            yield conn, taken
            if conn.in_transaction():
                await conn.rollback()
            try:
                if driver.is_in_transaction():  # opened on asyncpg by the holder, and not ended
                    await driver.execute("ROLLBACK")
                await driver.execute(unlock_sql)
                clean = True
            except (asyncpg.PostgresError, asyncpg.InterfaceError, OSError) as error:
                # The update is done and answered; the invalidation below releases the lock anyway.
                logger.warning(
                    "could not unlock chat(s) %s (%s); dropping the connection", keys, type(error).__name__
                )
        finally:
            if not clean:
                # Failed or cancelled anywhere (maybe holding the lock): never return this connection to
                # the pool. Invalidating closes the server session, which releases every lock it holds.
                await conn.invalidate()
            await conn.close()


def chat_lock_for(session_factory: async_sessionmaker[AsyncSession]) -> ChatLock:
    """The cross-process chat lock that fits the database behind ``session_factory``."""
    bind = session_factory.kw.get("bind")
    if isinstance(bind, AsyncEngine) and bind.dialect.name == "postgresql":
        return PostgresChatLock(bind)
    return LocalOnlyChatLock()

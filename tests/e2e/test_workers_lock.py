"""The cross-process chat lock on PostgreSQL: what the two-worker test relies on, checked directly.

Two engines stand for two worker processes (separate pools, separate server sessions).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.db.engine import create_engine
from bot.locks import LOCK_NAMESPACE, PostgresChatLock, chat_lock_key


@pytest.fixture
async def engines(postgres_session_db: str) -> AsyncIterator[tuple[AsyncEngine, AsyncEngine]]:
    first, second = create_engine(postgres_session_db), create_engine(postgres_session_db)
    yield first, second
    await first.dispose()
    await second.dispose()


async def test_one_chat_waits_for_the_other_process_other_chats_do_not(
    engines: tuple[AsyncEngine, AsyncEngine],
) -> None:
    a, b = PostgresChatLock(engines[0]), PostgresChatLock(engines[1])
    order: list[str] = []
    released, a_locked = asyncio.Event(), asyncio.Event()

    async def worker_a() -> None:
        async with a.hold(777) as conn:
            assert conn is not None
            order.append("a: locked")
            a_locked.set()
            await released.wait()
            order.append("a: sent replies")

    async def worker_b() -> None:
        async with b.hold(777):
            order.append("b: locked")

    task_a = asyncio.create_task(worker_a())
    await asyncio.wait_for(a_locked.wait(), 5)
    task_b = asyncio.create_task(worker_b())
    async with asyncio.timeout(5), b.hold(778):  # another chat is not blocked
        pass
    await asyncio.sleep(0.2)
    assert order == ["a: locked"], "worker b must wait for the chat while a holds it"
    released.set()
    await asyncio.wait_for(asyncio.gather(task_a, task_b), 5)
    assert order == ["a: locked", "a: sent replies", "b: locked"]


async def test_a_cancelled_holder_never_leaves_the_lock_in_the_pool(
    engines: tuple[AsyncEngine, AsyncEngine],
) -> None:
    a, b = PostgresChatLock(engines[0]), PostgresChatLock(engines[1])

    async def stuck() -> None:
        async with a.hold(779):
            await asyncio.sleep(60)

    task = asyncio.create_task(stuck())
    await asyncio.sleep(0.2)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    async with asyncio.timeout(5), b.hold(779):
        pass
    async with engines[0].connect() as conn:
        held = await conn.execute(
            text(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = :ns AND objid = :key"
            ),
            {"ns": LOCK_NAMESPACE, "key": chat_lock_key(779) & 0xFFFFFFFF},
        )
        assert held.scalar_one() == 0


async def test_a_chat_held_too_long_elsewhere_is_a_transient_database_error(
    engines: tuple[AsyncEngine, AsyncEngine],
) -> None:
    """A lock timeout must look like a database outage (OperationalError): the webhook then answers 503
    and Telegram redelivers, instead of the errors router apologising for an update never processed."""
    a, b = PostgresChatLock(engines[0]), PostgresChatLock(engines[1], lock_timeout="100ms")
    async with a.hold(780):
        with pytest.raises(OperationalError):
            async with b.hold(780):
                pass
    async with asyncio.timeout(5), b.hold(780):  # the failed waiter left nothing behind
        pass

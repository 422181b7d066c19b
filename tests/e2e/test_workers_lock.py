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
from bot.db.locks import LOCK_NAMESPACE, PostgresChatLock, chat_lock_key


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
    await waiting_for(engines[0], 777)  # b's request for the chat is queued behind a's lock
    assert order == ["a: locked"], "worker b must wait for the chat while a holds it"
    released.set()
    await asyncio.wait_for(asyncio.gather(task_a, task_b), 5)
    assert order == ["a: locked", "a: sent replies", "b: locked"]


async def test_a_cancelled_holder_never_leaves_the_lock_in_the_pool(
    engines: tuple[AsyncEngine, AsyncEngine],
) -> None:
    a, b = PostgresChatLock(engines[0]), PostgresChatLock(engines[1])

    holding = asyncio.Event()

    async def stuck() -> None:
        async with a.hold(779):
            holding.set()
            await asyncio.Event().wait()  # until cancelled

    task = asyncio.create_task(stuck())
    await asyncio.wait_for(holding.wait(), 5)
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


async def waiting_for(engine: AsyncEngine, chat_id: int) -> None:
    """Until a session is queued for the chat's advisory lock (an ungranted entry in pg_locks)."""
    async with asyncio.timeout(10):
        while True:
            async with engine.connect() as conn:
                waiting = await conn.execute(
                    text(
                        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
                        " AND classid = :ns AND objid = :key"
                    ),
                    {"ns": LOCK_NAMESPACE, "key": chat_lock_key(chat_id) & 0xFFFFFFFF},
                )
                if waiting.scalar_one():
                    return
            await asyncio.sleep(0.01)


async def _advisory_locks_held(engine: AsyncEngine, chat_ids: list[int]) -> int:
    async with engine.connect() as conn:
        held = await conn.execute(
            text(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = :ns"
                " AND objid = ANY(:keys)"
            ),
            {"ns": LOCK_NAMESPACE, "keys": [chat_lock_key(c) & 0xFFFFFFFF for c in chat_ids]},
        )
        return int(held.scalar_one())


async def test_a_staff_action_holds_every_chat_of_the_lead_at_once(
    engines: tuple[AsyncEngine, AsyncEngine],
) -> None:
    """hold_many (the handoff's lock): each of the chats waits; a chat outside the set does not."""
    a, b = PostgresChatLock(engines[0]), PostgresChatLock(engines[1], lock_timeout="150ms")
    async with a.hold_many([803, 801, 802, 801]) as conn:
        assert conn is not None
        assert await _advisory_locks_held(engines[1], [801, 802, 803]) == 3
        for chat_id in (801, 802, 803):
            with pytest.raises(OperationalError):  # held: the other worker times out waiting
                async with b.hold(chat_id):
                    pass
        async with asyncio.timeout(5), b.hold(804):
            pass
    assert await _advisory_locks_held(engines[1], [801, 802, 803]) == 0
    async with asyncio.timeout(5), b.hold_many([801, 802, 803]):
        pass


async def test_overlapping_staff_actions_in_opposite_order_do_not_deadlock(
    engines: tuple[AsyncEngine, AsyncEngine],
) -> None:
    a, b = PostgresChatLock(engines[0]), PostgresChatLock(engines[1])
    rounds = {"a": 0, "b": 0}

    async def worker(lock: PostgresChatLock, name: str, chat_ids: list[int]) -> None:
        for _ in range(15):
            async with lock.hold_many(chat_ids):
                rounds[name] += 1
                await asyncio.sleep(0)  # let the other worker ask for the chats it overlaps

    async with asyncio.timeout(20):
        await asyncio.gather(worker(a, "a", [810, 811, 812]), worker(b, "b", [812, 811, 810]))
    assert rounds == {"a": 15, "b": 15}
    assert await _advisory_locks_held(engines[0], [810, 811, 812]) == 0


async def test_sql_run_with_the_lock_and_left_open_is_rolled_back_before_the_unlock(
    engines: tuple[AsyncEngine, AsyncEngine],
) -> None:
    """A step opens its transaction on asyncpg when it must write before its end (bot/db/fast.py);
    if it never ends it, the release rolls it back, so no half-done step is committed and the pool
    gets a clean session."""
    a = PostgresChatLock(engines[0])
    async with a.hold_reading(779) as (conn, row):
        assert row is None  # the chat has no conversation
        driver = (await conn.get_raw_connection()).driver_connection
        assert driver is not None
        status = await driver.execute(
            "BEGIN; INSERT INTO processed_updates (update_id, chat_id, processed_at) VALUES (9191, 1, now())"
        )
        assert status == "INSERT 0 1" and driver.is_in_transaction()
    async with engines[1].connect() as other:
        gone = await other.execute(text("SELECT count(*) FROM processed_updates WHERE update_id = 9191"))
        assert gone.scalar_one() == 0
        held = await other.execute(
            text(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = :ns AND objid = :key"
            ),
            {"ns": LOCK_NAMESPACE, "key": chat_lock_key(779) & 0xFFFFFFFF},
        )
        assert held.scalar_one() == 0  # and the chat is free again
    async with a.hold(779) as conn:  # the same pooled connection, and no transaction left on it
        assert conn is not None
        driver = (await conn.get_raw_connection()).driver_connection
        assert driver is not None and not driver.is_in_transaction()


async def test_the_read_with_the_lock_sees_what_the_previous_holder_committed(
    engines: tuple[AsyncEngine, AsyncEngine],
) -> None:
    """The step's first round trip takes the lock and reads the row (bot_open_step). The read must
    come after the wait: a read in the calling statement would see the row as it was when the
    statement began, before the holder it waited for committed, and the step would work on it."""
    a, b = PostgresChatLock(engines[0]), PostgresChatLock(engines[1])
    async with engines[0].begin() as conn:
        await conn.execute(
            text(
                "INSERT INTO conversations (chat_id, state, snapshot, lang, status, created_at, updated_at,"
                " version) VALUES (790, 'before', '{}', 'en', 'active', now(), now(), 1)"
            )
        )
    waiting = asyncio.Event()

    async def second_worker() -> str:
        waiting.set()
        async with b.hold_reading(790) as (_, row):
            assert row is not None
            return str(row["state"])

    async with a.hold_reading(790) as (conn, row):
        assert row is not None and row["state"] == "before"
        task = asyncio.create_task(second_worker())
        await asyncio.wait_for(waiting.wait(), 5)
        await waiting_for(engines[0], 790)  # b's statement has begun and waits for the lock
        assert not task.done()
        driver = (await conn.get_raw_connection()).driver_connection
        assert driver is not None
        await driver.execute("UPDATE conversations SET state = 'after', version = 2 WHERE chat_id = 790")
    assert await asyncio.wait_for(task, 5) == "after"


async def test_the_step_lock_times_out_as_a_transient_database_error_and_leaves_nothing(
    engines: tuple[AsyncEngine, AsyncEngine],
) -> None:
    a, b = PostgresChatLock(engines[0]), PostgresChatLock(engines[1], lock_timeout="100ms")
    async with a.hold(781):
        with pytest.raises(OperationalError):
            async with b.hold_reading(781):
                pass
    assert await _advisory_locks_held(engines[0], [781]) == 0
    async with asyncio.timeout(5), b.hold_reading(781) as (_, row):
        assert row is None

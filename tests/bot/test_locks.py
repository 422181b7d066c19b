from __future__ import annotations

import asyncio

from bot.db.locks import KeyedLocks


async def test_one_key_runs_in_arrival_order_and_the_lock_is_dropped_after() -> None:
    locks = KeyedLocks()
    order: list[int] = []

    async def work(n: int) -> None:
        async with locks.hold("chat"):
            order.append(n)
            await asyncio.sleep(0)
            order.append(n)

    await asyncio.gather(*(work(n) for n in range(5)))
    assert order == [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]
    assert len(locks) == 0


async def test_different_keys_do_not_wait_for_each_other() -> None:
    locks = KeyedLocks()
    inside = asyncio.Event()

    async def holder() -> None:
        async with locks.hold(1):
            await inside.wait()

    task = asyncio.create_task(holder())
    await asyncio.sleep(0)
    async with asyncio.timeout(1), locks.hold(2):
        inside.set()
    await task
    assert len(locks) == 0

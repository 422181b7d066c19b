"""Memory that does not grow with the number of people: nothing per conversation stays in the process.

The benchmark (docs/performance.md) reads RSS over 10,000 and 40,000 stored conversations, where
the allocator blurs the picture; this test counts objects, which it does not. After a warm-up, a
few hundred new people each start a screening and answer one question through the real bot
(polling, the fake Bot API server); afterwards the process may hold no more objects of the bot's
or its libraries' types than before, within a small constant. A cache or registry keyed by chat
(aiogram's default FSM storage keeps one record per chat ever seen, which is why the bot turns the
FSM off; an unpruned per-chat lock; a list of outcomes) fails it. The fake's own per-person state
(tests.fakes) and plain builtins, which the fake fills, are not counted.
"""

from __future__ import annotations

import asyncio
import gc
from collections import Counter

from bot.app import App, build_app
from tests.e2e.harness import make_settings
from tests.fakes.telegram import FakeTelegram

COUNTED = (
    "bot.",
    "flows.",
    "aiogram.",
    "sqlalchemy.",
    "pydantic",
    "asyncio.",
    "aiohttp.",
    "transitions.",
    "asyncpg.",
)
PEOPLE = 300
CONCURRENT = 15
# Objects in all, for 300 people: half an object per person. What remains after a run is bounded
# and does not scale with the number of people (aiogram's lru_cache of the last 128 updates, the
# last polling batch): ~110 objects after 300 people and after 600 alike.
ALLOWED_GROWTH = PEOPLE // 2


async def counted_objects(app: App) -> Counter[str]:
    await app.runner.drain()  # the last replies arrived; let their updates finish (unlock, hooks)
    await asyncio.sleep(0.3)
    gc.collect()
    counts: Counter[str] = Counter()
    for obj in gc.get_objects():
        module = getattr(type(obj), "__module__", None)
        if isinstance(module, str) and module.startswith(COUNTED):
            counts[f"{module}.{type(obj).__qualname__}"] += 1
    return counts


async def screen_people(tg: FakeTelegram, first: int, count: int) -> None:
    numbers = list(range(first, first + count))

    async def person_loop() -> None:
        while numbers:
            user = tg.user(user_id=900_000 + numbers.pop(), first_name="P")
            await user.send("/start")
            question = (await user.wait_messages(2))[-1]
            await user.press(question.buttons[0], question)
            await user.wait_messages(1)

    await asyncio.gather(*(person_loop() for _ in range(CONCURRENT)))


async def test_new_people_leave_nothing_behind_in_the_process(
    fake_telegram: FakeTelegram, database_url: str
) -> None:
    app = await build_app(make_settings(fake_telegram, database_url))
    task = asyncio.create_task(app.run_polling(handle_signals=False, polling_timeout=2))
    try:
        await asyncio.wait_for(app.started.wait(), 5)
        await screen_people(fake_telegram, 0, 60)  # warm-up: caches, pools, compiled statements
        before = await counted_objects(app)
        await screen_people(fake_telegram, 60, PEOPLE)
        after = await counted_objects(app)
    finally:
        await app.stop()
        await asyncio.wait_for(task, 10)
    grown = after - before
    assert sum(grown.values()) <= ALLOWED_GROWTH, f"kept per person: {grown.most_common(8)}"
    assert len(app.runner.store.locks) == 0  # per-chat locks are pruned once idle

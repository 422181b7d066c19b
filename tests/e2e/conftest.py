from __future__ import annotations

from collections.abc import AsyncIterator, Callable

import pytest

from flows.chat import Screening
from tests.e2e.harness import BotRunner, FakeClock
from tests.fakes.telegram import FakeTelegram


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def run_bot(
    fake_telegram: FakeTelegram, database_url: str, clock: FakeClock
) -> AsyncIterator[Callable[..., BotRunner]]:
    """run_bot(screening=None) -> BotRunner (not started); every runner is stopped at teardown."""
    runners: list[BotRunner] = []

    def factory(screening: Screening | None = None) -> BotRunner:
        runner = BotRunner(fake_telegram, database_url, screening, clock)
        runners.append(runner)
        return runner

    yield factory
    for runner in runners:
        await runner.stop()


@pytest.fixture
async def bot(run_bot: Callable[..., BotRunner]) -> BotRunner:
    """The bot with the real screening engine, already polling."""
    runner = run_bot()
    await runner.start()
    return runner

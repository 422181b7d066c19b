"""The CRM outbox worker on its own: bounded retries, back-off on the row, erased rows skipped."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from aiohttp import web
from pydantic import SecretStr
from sqlalchemy import select

from bot.db.engine import create_engine, create_session_factory
from bot.db.models import CrmOutbox
from bot.features.leads.outbox import CrmOutboxWorker


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
async def always_500() -> AsyncIterator[tuple[str, list[bytes]]]:
    seen: list[bytes] = []

    async def hook(request: web.Request) -> web.Response:
        seen.append(await request.read())
        return web.Response(status=503)

    app = web.Application()
    app.router.add_post("/", hook)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    yield f"http://127.0.0.1:{port}/", seen
    await runner.cleanup()


async def test_gives_up_after_max_attempts_with_growing_delays(
    database_url: str, always_500: tuple[str, list[bytes]]
) -> None:
    url, seen = always_500
    clock = Clock()
    engine = create_engine(database_url)
    factory = create_session_factory(engine)
    async with factory() as session, session.begin():
        session.add(
            CrmOutbox(
                event="lead.created", body="{}", attempts=0, next_attempt_at=clock.now, created_at=clock.now
            )
        )
    worker = CrmOutboxWorker(factory, url, SecretStr("s"), clock=clock, max_attempts=3)
    try:
        gaps = []
        for _ in range(3):
            assert await worker.run_once() == 0
            async with factory() as session:
                row = (await session.execute(select(CrmOutbox))).scalar_one()
            assert row.last_error == "HTTP 503"
            if row.failed_at is None:
                due = row.next_attempt_at.replace(tzinfo=UTC)
                gaps.append(due - clock.now)
                assert await worker.run_once() == 0  # not due yet: nothing is sent
                clock.now = due
        assert gaps == [timedelta(seconds=30), timedelta(seconds=60)]
        assert row.attempts == 3 and row.failed_at is not None and row.delivered_at is None
        clock.now += timedelta(days=1)
        assert await worker.run_once() == 0
        assert len(seen) == 3  # bounded: the third failure was the last try
    finally:
        await worker.stop()
        await engine.dispose()

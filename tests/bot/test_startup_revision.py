"""A worker refuses to start on a database behind its code's migrations (and says what to run).

On PostgreSQL a step calls functions that migration 0004 adds: a worker started on a database at
0003 would fail every update instead of refusing once, at start.
"""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import text

from bot.config.errors import StartupError
from bot.db.engine import create_engine, open_database
from bot.db.migrate import revisions, upgrade
from tests.bot.test_migrations import empty_database_url  # noqa: F401 - the fixture


async def test_a_database_behind_the_code_is_refused_with_what_to_run(empty_database_url: str) -> None:  # noqa: F811
    chain = revisions()
    await asyncio.to_thread(upgrade, empty_database_url, chain[-2])
    refused = rf"at migration {chain[-2]} and this code needs {chain[-1]}: run `python -m bot migrate`"
    with pytest.raises(StartupError, match=refused):
        await open_database(empty_database_url)
    await asyncio.to_thread(upgrade, empty_database_url, chain[-1])
    engine = await open_database(empty_database_url)
    await engine.dispose()


async def test_a_database_ahead_of_the_code_starts_with_a_warning(
    empty_database_url: str,  # noqa: F811
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A newer deploy migrated it and this older one restarts: migrations only add, so it runs."""
    await asyncio.to_thread(upgrade, empty_database_url, "head")
    setup = create_engine(empty_database_url)
    async with setup.begin() as conn:
        await conn.execute(text("UPDATE alembic_version SET version_num = '0099_from_the_future'"))
    await setup.dispose()
    engine = await open_database(empty_database_url)
    await engine.dispose()
    assert "0099_from_the_future, which this code does not know" in caplog.text

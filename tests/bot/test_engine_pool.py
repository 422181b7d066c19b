"""DATABASE_POOL_SIZE / DATABASE_MAX_OVERFLOW size a server database's pool; SQLite keeps one connection."""

from __future__ import annotations

from bot.app import open_database
from bot.config import Settings


async def test_pool_settings_size_a_server_database_and_never_sqlite(database_url: str) -> None:
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None, database_url=database_url, database_pool_size=3, database_max_overflow=2
    )
    engine = await open_database(settings)
    try:
        pool = engine.sync_engine.pool
        if database_url.startswith("sqlite"):
            # One writer per process, whatever the settings say (bot/db/engine.py says why).
            assert (pool.size(), pool._max_overflow) == (1, 0)  # type: ignore[attr-defined]
        else:
            assert (pool.size(), pool._max_overflow) == (3, 2)  # type: ignore[attr-defined]
    finally:
        await engine.dispose()


async def test_unset_pool_settings_keep_fifteen_connections_open(database_url: str) -> None:
    """SQLAlchemy's 5 + 10 opened and closed overflow connections in every burst (item 33)."""
    settings = Settings(_env_file=None, database_url=database_url)  # type: ignore[call-arg]
    engine = await open_database(settings)
    try:
        pool = engine.sync_engine.pool
        expected = (1, 0) if database_url.startswith("sqlite") else (15, 0)
        assert (pool.size(), pool._max_overflow) == expected  # type: ignore[attr-defined]
    finally:
        await engine.dispose()

"""Helpers for tests that need a real database server (PostgreSQL through TEST_POSTGRES_URL)."""

from __future__ import annotations

import asyncio
import concurrent.futures
from collections.abc import Coroutine
from typing import Any, TypeVar

import asyncpg
from sqlalchemy import text
from sqlalchemy.engine import make_url

from bot.db.engine import create_engine
from bot.db.models import Base

T = TypeVar("T")


def run_blocking(coro: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine to completion from sync code, even when that code runs inside an event loop
    (session fixtures first requested from an async fixture do)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()


def asyncpg_dsn(sqlalchemy_url: str, database: str | None = None) -> str:
    url = make_url(sqlalchemy_url).set(drivername="postgresql")
    if database is not None:
        url = url.set(database=database)
    return url.render_as_string(hide_password=False)


class PostgresServer:
    """Creates and drops throwaway databases on the server behind a SQLAlchemy URL."""

    def __init__(self, url: str) -> None:
        self.url = url

    async def _admin(self) -> asyncpg.Connection:
        # The "postgres" maintenance database always exists; the URL's own database may not.
        return await asyncpg.connect(asyncpg_dsn(self.url, "postgres"), timeout=3)

    async def check(self) -> str | None:
        try:
            conn = await self._admin()
        except Exception as error:  # any reason: refused, auth, DNS
            return f"{type(error).__name__}: {error}"
        await conn.close()
        return None

    async def create_database(self, name: str) -> str:
        conn = await self._admin()
        try:
            await conn.execute(f'CREATE DATABASE "{name}"')
        finally:
            await conn.close()
        return make_url(self.url).set(database=name).render_as_string(hide_password=False)

    async def drop_database(self, name: str) -> None:
        conn = await self._admin()
        try:
            await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await conn.close()


async def truncate_all(url: str) -> None:
    """Empty every table the models know (and any later migration added) between tests."""
    engine = create_engine(url)
    try:
        async with engine.begin() as conn:
            names = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
            await conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    finally:
        await engine.dispose()

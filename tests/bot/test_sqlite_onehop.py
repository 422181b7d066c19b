"""bot/db/sqlite_onehop.py: the SQLite engine uses the one-hop cursor, and it behaves like the stock one.

The whole suite runs on it (every SQLite test goes through bot.db.engine.create_engine); these pin
the parts a regression would hide: that it is in use at all, one thread hand-off per statement,
and what the DB-API promises (rows, rowcount, lastrowid, executemany, errors, a closed connection).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.db import sqlite_onehop
from bot.db.engine import create_engine
from bot.db.sqlite_onehop import OneHopConnection


@pytest.fixture
async def engine(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'onehop.db'}")
    async with engine.begin() as conn:
        await conn.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL)"))
    yield engine
    await engine.dispose()


async def driver_of(conn: AsyncConnection) -> Any:
    raw = await conn.get_raw_connection()
    assert type(raw.dbapi_connection) is OneHopConnection, "the engine did not adopt the one-hop cursor"
    return raw.driver_connection


async def test_one_thread_hand_off_per_statement(
    engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with engine.begin() as conn:
        driver = await driver_of(conn)
        await conn.execute(text("INSERT INTO t (name) VALUES ('warm-up')"))  # BEGIN IMMEDIATE happened
        hops = 0
        original = driver._execute

        async def counting(fn: Any, *args: Any, **kwargs: Any) -> Any:
            nonlocal hops
            hops += 1
            return await original(fn, *args, **kwargs)

        monkeypatch.setattr(driver, "_execute", counting)
        rows = (await conn.execute(text("SELECT id, name FROM t"))).all()
        assert [tuple(r) for r in rows] == [(1, "warm-up")]
        assert hops == 1  # the stock adapter: cursor, execute, fetchall, close = 4


async def test_rows_rowcount_lastrowid_and_executemany(engine: AsyncEngine) -> None:
    async with engine.begin() as conn:
        await driver_of(conn)
        inserted = await conn.execute(text("INSERT INTO t (name) VALUES ('a')"))
        assert inserted.lastrowid == 1
        many = await conn.execute(text("INSERT INTO t (name) VALUES (:n)"), [{"n": "b"}, {"n": "c"}])
        assert many.rowcount == 2
        updated = await conn.execute(text("UPDATE t SET name = name || '!' WHERE id > 1"))
        assert updated.rowcount == 2
        result = await conn.execute(text("SELECT name FROM t ORDER BY id"))
        assert list(result.keys()) == ["name"]
        assert result.scalars().all() == ["a", "b!", "c!"]
        assert (await conn.execute(text("SELECT name FROM t WHERE id = 99"))).first() is None


async def test_errors_are_sqlalchemy_errors_and_the_transaction_survives_them(engine: AsyncEngine) -> None:
    async with engine.connect() as conn:
        await conn.execute(text("INSERT INTO t (name) VALUES ('dup')"))
        await conn.commit()
        with pytest.raises(IntegrityError):
            await conn.execute(text("INSERT INTO t (name) VALUES ('dup')"))
        await conn.rollback()
        assert (await conn.execute(text("SELECT count(*) FROM t"))).scalar_one() == 1


async def test_a_closed_driver_connection_is_reported_as_a_disconnect(engine: AsyncEngine) -> None:
    async with engine.connect() as conn:
        driver = await driver_of(conn)
        await driver.close()
        with pytest.raises(Exception) as caught:
            await conn.execute(text("SELECT 1"))
        assert getattr(caught.value, "connection_invalidated", False), repr(caught.value)
    async with engine.connect() as conn:  # the pool replaced it
        assert (await conn.execute(text("SELECT 1"))).scalar_one() == 1


def count_hand_offs(driver: Any, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    original = driver._execute

    async def counting(fn: Any, *args: Any, **kwargs: Any) -> Any:
        seen.append(getattr(fn, "__name__", repr(fn)))
        return await original(fn, *args, **kwargs)

    monkeypatch.setattr(driver, "_execute", counting)
    return seen


async def test_a_connection_back_in_the_pool_after_commit_costs_no_rollback(
    engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with engine.connect() as conn:
        seen = count_hand_offs(await driver_of(conn), monkeypatch)
        await conn.execute(text("INSERT INTO t (name) VALUES ('a')"))  # BEGIN IMMEDIATE, INSERT
        await conn.commit()
    assert seen == ["_run", "_run", "commit"]  # the pool's reset found nothing to roll back


async def test_a_connection_back_in_the_pool_inside_a_transaction_is_rolled_back(engine: AsyncEngine) -> None:
    async with engine.connect() as conn:
        await conn.execute(text("INSERT INTO t (name) VALUES ('left open')"))
    async with engine.begin() as conn:  # the write lock was released: this BEGIN IMMEDIATE gets it
        await conn.execute(text("INSERT INTO t (name) VALUES ('next')"))
    async with engine.connect() as conn:
        assert (await conn.execute(text("SELECT name FROM t"))).scalars().all() == ["next"]


async def test_an_unknown_transaction_state_still_begins_a_real_transaction(engine: AsyncEngine) -> None:
    """A wrong "already inside one" would let SQLAlchemy's writes run in autocommit, outside any BEGIN."""
    async with engine.connect() as conn:
        raw = await conn.get_raw_connection()
        sqlite_onehop._mark(raw.dbapi_connection, True)  # as after a failed or cancelled hand-off
        await conn.execute(text("INSERT INTO t (name) VALUES ('rolled back')"))
        await conn.rollback()
    async with engine.connect() as conn:
        assert (await conn.execute(text("SELECT count(*) FROM t"))).scalar_one() == 0

"""One AsyncEngine per process, tuned per backend.

SQLite needs three things to be safe under concurrent updates (engineering-notes §5.4):
WAL so readers do not block the writer, a busy timeout so a second writer waits
instead of failing, and BEGIN IMMEDIATE so a read-then-write transaction takes the
write lock up front instead of failing with "database is locked" when it upgrades.
PostgreSQL needs none of this: the runner holds an advisory lock per chat (bot/db/locks.py).
"""

from __future__ import annotations

import functools
import logging
from typing import Any

from sqlalchemy import event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

from bot.config import ensure_sqlite_dir
from bot.config.errors import StartupError, redacted
from bot.db import sqlite
from bot.db.migrate import chain as migration_chain

SQLITE_BUSY_TIMEOUT_S = sqlite.BUSY_TIMEOUT_S

logger = logging.getLogger(__name__)


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def create_engine(url: str, **kwargs: Any) -> AsyncEngine:
    """Build the engine; raises sqlalchemy.exc.ArgumentError / NoSuchModuleError on a bad URL."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        ensure_sqlite_dir(url)
        kwargs.pop("connect_args", None)
        # Our own connection (bot/db/sqlite.py), so the step's statements can run on it from the loop.
        database = parsed.database or ":memory:"
        kwargs["async_creator"] = functools.partial(sqlite.connect, database)
        # One connection per process. SQLite runs one write transaction at a time anyway; with a pool
        # of several, the losers of BEGIN IMMEDIATE wait in sqlite3's busy handler, which sleeps 1, 2,
        # 5, 10 ... 100 ms and is not woken when the lock frees: under load that sleeping was the p99
        # and a third of the throughput. Waiting for the
        # pool's one connection instead is an asyncio wait, woken the moment the holder commits.
        # (Nothing holds a session while opening another, which a pool of one would deadlock on.)
        # Whatever pool size the caller asked for (DATABASE_POOL_SIZE is for server databases).
        kwargs["pool_size"], kwargs["max_overflow"] = 1, 0
        # A connection back in the pool is rolled back only when it is inside a transaction (see
        # _tune_sqlite), not on every return: that rollback is a thread hand-off for nothing.
        kwargs.setdefault("pool_reset_on_return", None)
        engine = create_async_engine(url, **kwargs)
        _tune_sqlite(engine)
        return engine
    if "pool_pre_ping" in kwargs:
        return create_async_engine(url, **kwargs)
    engine = create_async_engine(url, **kwargs)
    _discard_closed_connections(engine)
    return engine


def _discard_closed_connections(engine: AsyncEngine) -> None:
    """PostgreSQL: a pooled connection the server closed is replaced at checkout, without a round trip.

    This replaces ``pool_pre_ping``, which on asyncpg costs three round trips per checkout (BEGIN,
    an empty query, ROLLBACK), on every update.
    A server restart or a terminated backend closes the socket, and asyncpg marks the connection
    closed as soon as the event loop sees that; raising DisconnectionError here makes the pool
    drop it and hand out a fresh one, as the ping would have. (A connection that dies while in
    use fails its query; the pool invalidates it, as before.)
    """

    @event.listens_for(engine.sync_engine, "checkout")
    def _on_checkout(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        driver = getattr(dbapi_connection, "driver_connection", None)
        is_closed = getattr(driver, "is_closed", None)
        if is_closed is not None and is_closed():
            raise DisconnectionError("connection closed by the server")


def _tune_sqlite(engine: AsyncEngine) -> None:
    sync_engine = engine.sync_engine

    @event.listens_for(sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take transaction control away from the driver's legacy mode so our BEGIN is the only one.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        # SQLite's own advice for WAL: NORMAL syncs at checkpoints instead of at every commit. A crash
        # of the bot loses nothing committed; an OS crash or a power cut can roll back the last few
        # commits, never corrupt the file. FULL (the default) put an fsync inside every step.
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_S * 1000}")
        cursor.close()

    @event.listens_for(sync_engine, "checkin")
    def _on_checkin(dbapi_connection: Any, _record: Any) -> None:
        if dbapi_connection is not None and dbapi_connection.driver_connection.in_transaction:
            dbapi_connection.rollback()  # left open by a step that failed or was cancelled

    @event.listens_for(sync_engine, "begin")
    def _on_begin(connection: Any) -> None:
        if connection.connection.driver_connection.in_transaction:
            # A session joining the transaction a step opened on the driver (bot/db/fast.py).
            return
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def create_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    # expire_on_commit=False: reading an attribute after commit must not trigger implicit IO (§5.2).
    return async_sessionmaker(engine, expire_on_commit=False)


# A server database's pool when DATABASE_POOL_SIZE / DATABASE_MAX_OVERFLOW are unset: as many
# connections as SQLAlchemy's default allows (5 + 10), all kept open. With an overflow, a burst opens
# new PostgreSQL connections (connect, authenticate, the JSON codecs' type lookups) on the very updates
# already queued, and closes them after: that was the p99 at 200 updates/s (docs/performance.md).
DEFAULT_POOL_SIZE = 15
DEFAULT_MAX_OVERFLOW = 0


async def open_database(
    url: str, *, pool_size: int | None = None, max_overflow: int | None = None
) -> AsyncEngine:
    """Engine for DATABASE_URL, checked to connect and to be migrated; StartupError otherwise.

    ``pool_size`` / ``max_overflow`` size a server database's pool (None: DEFAULT_POOL_SIZE and
    DEFAULT_MAX_OVERFLOW); SQLite keeps its one connection whatever they say (create_engine).
    """
    hint = "e.g. sqlite+aiosqlite:///./data/bot.db or postgresql+asyncpg://user:password@host/dbname"
    pool = {
        "pool_size": DEFAULT_POOL_SIZE if pool_size is None else pool_size,
        "max_overflow": DEFAULT_MAX_OVERFLOW if max_overflow is None else max_overflow,
    }
    try:
        engine = create_engine(url, **pool)
    except Exception as error:
        raise StartupError(
            f"DATABASE_URL is not a usable async database URL ({type(error).__name__}): use {hint}"
        ) from None
    try:
        async with engine.connect() as conn:
            tables = set(await conn.run_sync(lambda sync: inspect(sync).get_table_names()))
            revision = None
            if "alembic_version" in tables:
                found = await conn.execute(text("SELECT version_num FROM alembic_version"))
                revision = found.scalar_one_or_none()
    except Exception as error:
        await engine.dispose()
        raise StartupError(
            f"cannot open the database at DATABASE_URL={redacted(url)} "
            f"({type(error).__name__}): check the URL, that the server runs and the database exists"
        ) from None
    if "conversations" not in tables:
        await engine.dispose()
        raise StartupError("the database has no tables yet: run `python -m bot migrate` (or `make run`)")
    chain = migration_chain()
    if revision in chain[:-1]:
        # Behind this code: the step would call functions or columns a later migration adds (on
        # PostgreSQL every update would fail). Refuse to start rather than fail each update.
        await engine.dispose()
        raise StartupError(
            f"the database is at migration {revision} and this code needs {chain[-1]}: "
            "run `python -m bot migrate` (or `make run`)"
        )
    if revision not in chain:
        # Ahead of this code (a newer deploy migrated it, this one is older): migrations only add,
        # so run, and say so.
        logger.warning("the database is at migration %s, which this code does not know", revision)
    return engine

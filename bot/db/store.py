"""One lock-and-claim protocol for everything that writes a person's conversation.

A screening step, /mydata and /delete, a staff member taking a lead, the tax-ID guard:
each holds the chat (the in-process lock, then the cross-process one, bot/db/locks.py),
claims the Telegram update id in the same transaction as its writes (a redelivered
update finds its claim and writes and sends nothing), and keeps holding the chat until
its replies are sent, so a person never sees two updates' replies interleaved. The
protocol is written here once: :meth:`ChatStore.hold`, then :meth:`Held.step` for a
conversation step or :meth:`Held.transaction` for anything else.

A step runs on its database's fast path (bot/db/fast.py: asyncpg, aiosqlite), else through
SQLAlchemy (bot/db/statements.py); a row changed underneath (StaleDataError, which the
locks should make impossible) is retried once from a fresh read.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack, asynccontextmanager
from datetime import datetime
from typing import Any, TypeVar, cast

import aiosqlite
import asyncpg
from sqlalchemy import Table
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from bot.db import repo
from bot.db.fast import AsyncpgStatements, load_row
from bot.db.locks import KeyedLocks, PostgresChatLock, asyncpg_of, chat_lock_for
from bot.db.rows import ConversationRow, EventRows
from bot.db.sqlite import SqliteStatements
from bot.db.statements import FirstRead, LazySession, SessionStatements, StepStatements

logger = logging.getLogger(__name__)
T = TypeVar("T")

# Errors of the asyncpg path that mean "the database connection is gone or the server is going
# away", not "this update is bad": the connection class (SQLSTATE 08), operator intervention (57,
# e.g. a server shutdown) and asyncpg's own interface errors (a closed connection).
TRANSIENT_ASYNCPG_ERRORS: tuple[type[BaseException], ...] = (
    asyncpg.InterfaceError,
    asyncpg.PostgresConnectionError,
    asyncpg.exceptions.OperatorInterventionError,
)


class StepTx:
    """What a step's work sees inside its transaction: the chat's row, its writes, a session."""

    def __init__(self, sql: StepStatements, session: AsyncSession, chat_id: int) -> None:
        self.sql = sql
        self.session = session  # joins the step's transaction; made on first use
        self.chat_id = chat_id

    async def row(self) -> ConversationRow | None:
        return await self.sql.get_conversation_for_update(self.chat_id)

    async def insert(self, values: dict[str, Any]) -> ConversationRow:
        return await self.sql.insert_conversation(values)

    async def save(self, row: ConversationRow) -> None:
        await self.sql.save_conversation(row)

    async def add_events(
        self, row: ConversationRow | None, events: EventRows, source: str | None, now: datetime
    ) -> None:
        await self.sql.add_events(row, self.chat_id, events, source, now)

    async def add_rows(self, table: Table, rows: list[dict[str, Any]]) -> None:
        """Rows of another table in the step's transaction, on the step's own statements: no session
        (a feature that writes on every step should not pay for one)."""
        await self.sql.add_rows(table, rows)


class Held:
    """Chats held by :meth:`ChatStore.hold`; their transactions run on ``conn`` when there is one."""

    def __init__(self, store: ChatStore, conn: AsyncConnection | None, first_read: FirstRead) -> None:
        self.store = store
        self.conn = conn
        self.first_read = first_read

    async def step(
        self,
        chat_id: int,
        update_id: int,
        now: datetime,
        work: Callable[[StepTx], Awaitable[T]],
    ) -> T | None:
        """Run ``work`` in one transaction with the update's claim; None: a redelivery, nothing written."""
        first, self.first_read = self.first_read, False
        for attempt in (1, 2):
            try:
                if self.conn is not None:
                    return await self._step_on_asyncpg(chat_id, update_id, now, work, first)
                if self.store.sqlite is not None:
                    return await self._step_on_aiosqlite(chat_id, update_id, now, work)
                factory = self.store.session_factory
                async with factory() as session, session.begin():
                    sql = SessionStatements(session)
                    if not await sql.claim_update(update_id, chat_id, now):
                        logger.info("update %s already processed; skipped", update_id)
                        return None
                    return await work(StepTx(sql, session, chat_id))
            except StaleDataError:
                if attempt == 2:
                    raise
                first = False
                logger.warning("conversation row changed underneath update %s; retrying", update_id)
        raise AssertionError("unreachable")

    async def _step_on_asyncpg(
        self,
        chat_id: int,
        update_id: int,
        now: datetime,
        work: Callable[[StepTx], Awaitable[T]],
        first: FirstRead,
    ) -> T | None:
        """The statements on asyncpg, the writes at the end in one call (bot/db/fast.py).

        The SQLAlchemy session for everything else is bound to the same connection with the
        adapter in autocommit mode, so SQLAlchemy opens no transaction of its own: before the
        session's first statement the step opens one (``sql.begin``), and the session's
        statements, the step's writes and the COMMIT all run in it.
        """
        conn = self.conn
        assert conn is not None
        adapter: Any = conn.sync_connection.connection.dbapi_connection  # type: ignore[union-attr]
        adapter.autocommit = True
        sql = AsyncpgStatements(asyncpg_of(conn), first_read=first)
        lazy = LazySession(self.store.session_factory, conn, before_sql=sql.begin)
        try:
            try:
                await sql.claim_update(update_id, chat_id, now)
                result = await work(StepTx(sql, cast(AsyncSession, lazy), chat_id))
                await lazy.finish(commit=True)  # flushes what it holds; sql.commit below is the real one
                await sql.commit()
            except BaseException:
                await lazy.finish(commit=False)
                await sql.rollback()
                raise
        except TRANSIENT_ASYNCPG_ERRORS as error:
            # Raised as SQLAlchemy's OperationalError, as a lost connection is through SQLAlchemy: the
            # webhook answers 503 and Telegram delivers the update again.
            raise OperationalError("asyncpg step", None, error) from error
        finally:
            adapter.autocommit = False  # back to the engine's isolation level
        if sql.duplicate:
            # The claim travels with the step's writes, so a redelivery is seen here, after the step was
            # worked out again; nothing of it was written, and nothing is sent.
            logger.info("update %s already processed; skipped", update_id)
            return None
        return result

    async def _step_on_aiosqlite(
        self,
        chat_id: int,
        update_id: int,
        now: datetime,
        work: Callable[[StepTx], Awaitable[T]],
    ) -> T | None:
        """The statements on sqlite3 from the event loop (bot/db/sqlite.py); a session, if the step
        needs one, is bound to the same connection and joins the transaction, and its commit is then
        the step's commit."""
        engine = self.store.sqlite
        assert engine is not None
        async with engine.connect() as conn:
            driver = (await conn.get_raw_connection()).driver_connection
            assert isinstance(driver, aiosqlite.Connection)
            sql = SqliteStatements(driver)
            lazy = LazySession(self.store.session_factory, conn)
            try:
                if not await sql.claim_update(update_id, chat_id, now):
                    await sql.rollback()
                    logger.info("update %s already processed; skipped", update_id)
                    return None
                result = await work(StepTx(sql, cast(AsyncSession, lazy), chat_id))
                if lazy.used:
                    await lazy.finish(commit=True)
                await sql.commit()
            except BaseException:
                await lazy.finish(commit=False)
                await sql.rollback()
                raise
            return result

    @asynccontextmanager
    async def transaction(
        self, update_id: int | None, chat_id: int | None, now: datetime
    ) -> AsyncIterator[AsyncSession | None]:
        """A session in one transaction with the update's claim; None: a redelivery (write nothing).

        ``update_id`` None: nothing to claim (a background job acting on a chat).
        """
        factory = self.store.session_factory
        session = factory(bind=self.conn) if self.conn is not None else factory()
        async with session, session.begin():
            if update_id is not None and not await repo.claim_update(session, update_id, chat_id, now):
                logger.info("update %s already processed; skipped", update_id)
                yield None
                return
            yield session


class ChatStore:
    """The database side of the runner: chats held, steps and transactions run."""

    def __init__(self, session_factory: async_sessionmaker[AsyncSession]) -> None:
        self.session_factory = session_factory
        self.locks = KeyedLocks()
        self.chat_lock = chat_lock_for(session_factory)
        bind = session_factory.kw.get("bind")
        # SQLite's fast path checks a connection out of this engine itself (bot/db/fast.py).
        self.sqlite = bind if isinstance(bind, AsyncEngine) and bind.dialect.name == "sqlite" else None

    @asynccontextmanager
    async def hold(self, *chat_ids: int) -> AsyncIterator[Held]:
        """Hold these chats in this process and across processes until the block ends.

        Several chats (a staff action touches every account of a lead) are taken in sorted
        order, so two holders over overlapping chats cannot deadlock.
        """
        if len(chat_ids) == 1:
            chat_id = chat_ids[0]
            async with self.locks.hold(chat_id):
                if isinstance(self.chat_lock, PostgresChatLock):
                    # The lock's round trip also reads the chat's row: the step's first read.
                    async with self.chat_lock.hold_reading(chat_id) as (locked, record):
                        yield Held(self, locked, load_row(record) if record is not None else None)
                    return
                async with self.chat_lock.hold(chat_id) as maybe_conn:
                    yield Held(self, maybe_conn, False)
            return
        async with AsyncExitStack() as stack:
            ids = sorted(set(chat_ids))
            for chat_id in ids:
                await stack.enter_async_context(self.locks.hold(chat_id))
            conn: AsyncConnection | None = await stack.enter_async_context(self.chat_lock.hold_many(ids))
            yield Held(self, conn, False)

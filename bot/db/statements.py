"""The statements every step runs, behind one interface: SQLAlchemy's, or a faster one.

:class:`StepStatements` is what the step store (bot/db/store.py) needs from the database for
one update: the update's claim, the chat's row, a new row, the row's versioned save and the
events. :class:`SessionStatements` runs them through SQLAlchemy (any database);
bot/db/fast.py runs them straight on asyncpg on PostgreSQL, where they are most of an
update's database work. tests/bot/test_statements.py holds both to one contract.

Everything else in a step (a feature's rows, the assessment) goes through a SQLAlchemy
session, made only when used (:class:`LazySession`) and bound to the step's connection, so
its SQL runs inside the step's transaction.
"""

from __future__ import annotations

import functools
import inspect
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import Table, insert
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession, async_sessionmaker

from bot.db import repo
from bot.db.rows import ConversationRow, EventRows

logger = logging.getLogger(__name__)

# The conversation row a step starts from, when it was read with the chat lock (None: the chat has
# none); False: nothing was read yet, so the step reads it itself.
FirstRead = ConversationRow | None | bool


class StepStatements(Protocol):
    async def claim_update(self, update_id: int, chat_id: int | None, now: datetime) -> bool: ...

    async def get_conversation_for_update(self, chat_id: int) -> ConversationRow | None: ...

    async def insert_conversation(self, values: dict[str, Any]) -> ConversationRow: ...

    async def save_conversation(self, conv: ConversationRow) -> None: ...

    async def add_events(
        self,
        conversation: ConversationRow | None,
        chat_id: int | None,
        events: EventRows,
        source: str | None,
        now: datetime,
    ) -> None: ...

    async def add_rows(self, table: Table, rows: list[dict[str, Any]]) -> None:
        """A feature's rows for another table, written in the step's transaction (a transcript)."""


class SessionStatements:
    """Through the SQLAlchemy session (bot/db/repo.py)."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def claim_update(self, update_id: int, chat_id: int | None, now: datetime) -> bool:
        return await repo.claim_update(self.session, update_id, chat_id, now)

    async def get_conversation_for_update(self, chat_id: int) -> ConversationRow | None:
        return await repo.get_conversation_for_update(self.session, chat_id)

    async def insert_conversation(self, values: dict[str, Any]) -> ConversationRow:
        return await repo.insert_conversation(self.session, values)

    async def save_conversation(self, conv: ConversationRow) -> None:
        await repo.save_conversation(self.session, conv)

    async def add_events(
        self,
        conversation: ConversationRow | None,
        chat_id: int | None,
        events: EventRows,
        source: str | None,
        now: datetime,
    ) -> None:
        await repo.add_events(self.session, conversation, chat_id, events, source, now)

    async def add_rows(self, table: Table, rows: list[dict[str, Any]]) -> None:
        if rows:
            await self.session.execute(insert(table), rows)


class LazySession:
    """An AsyncSession made on first use: most steps never need one, and an empty one still costs
    a BEGIN and a COMMIT on PostgreSQL's fast path. Attribute access creates the real session
    (bound to the step's connection, so its SQL runs inside the step's transaction); ``flush`` on
    a session never made is a no-op, and ``finish`` commits or rolls back only one that was.

    ``before_sql`` (PostgreSQL: :meth:`AsyncpgStatements.begin`) is awaited before the session's
    first coroutine method runs, so what the session writes is in the step's transaction: the
    adapter is in autocommit mode there and opens none of its own.
    """

    def __init__(
        self,
        factory: async_sessionmaker[AsyncSession],
        conn: AsyncConnection,
        before_sql: Callable[[], Awaitable[None]] | None = None,
    ) -> None:
        self._factory = factory
        self._conn = conn
        self._session: AsyncSession | None = None
        self._before_sql = before_sql

    @property
    def used(self) -> bool:
        return self._session is not None

    def _get(self) -> AsyncSession:
        if self._session is None:
            self._session = self._factory(bind=self._conn)
        return self._session

    async def _ready(self) -> None:
        before, self._before_sql = self._before_sql, None
        if before is not None:
            await before()

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._get(), name)
        if self._before_sql is None or not inspect.iscoroutinefunction(attribute):
            return attribute  # add(), or anything once the transaction is open

        @functools.wraps(attribute)
        async def after_begin(*args: Any, **kwargs: Any) -> Any:
            await self._ready()
            return await attribute(*args, **kwargs)

        return after_begin

    async def flush(self) -> None:
        if self._session is not None:
            await self._ready()
            await self._session.flush()

    async def finish(self, *, commit: bool) -> None:
        session, self._session = self._session, None
        if session is None:
            return
        if commit:
            try:
                if session.new or session.dirty or session.deleted:
                    await self._ready()  # add()s not flushed yet are written by this commit
                await session.commit()
            finally:
                await session.close()
            return
        try:
            await session.rollback()
            await session.close()
        except Exception as error:  # never hide the step's own exception (a lost connection, say)
            logger.warning("rolling back the step's session failed: %s", type(error).__name__)

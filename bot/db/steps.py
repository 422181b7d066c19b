"""The five statements every update runs, in two implementations with one contract.

:class:`SessionStatements` runs them through SQLAlchemy (SQLite, and PostgreSQL when no
driver connection is at hand). :class:`AsyncpgStatements` runs the same SQL straight on the
asyncpg connection that already holds the chat's lock (bot/locks.py), inside the step's
transaction. Measured on the local PostgreSQL, a transaction with two statements cost 410 us of
CPU through SQLAlchemy and 136 us on asyncpg: SQLAlchemy's per-statement work (execution
context, compiled-cache lookup, result wrapping, greenlet switch) is ~70 us, and every update
runs BEGIN, these five at most, and COMMIT. In the benchmark that was the largest piece of the
bot's CPU still under our control.

Everything else in a step (the leads hooks, attribution, the assessment row) keeps using the
SQLAlchemy session bound to the same connection; on PostgreSQL the service opens the
transaction on asyncpg and SQLAlchemy's joins it as a savepoint, only when it runs SQL at all.

tests/bot/test_conversation_row.py runs the contract against both implementations.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime
from typing import Any, Protocol

import asyncpg
from sqlalchemy import JSON
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession, async_sessionmaker

from bot.db import repo
from bot.db.repo import ConversationRow

logger = logging.getLogger(__name__)

EventRows = list[tuple[str, str | None, dict[str, Any]]]


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


# ---------------------------------------------------------------------------- asyncpg

_COLUMNS = repo._CONVERSATION_COLUMNS
_JSON_COLUMNS = frozenset(c.key for c in repo._CONVERSATIONS.columns if isinstance(c.type, JSON))
# Column names below come from our own table definition, never from input.
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM conversations WHERE chat_id = $1 FOR UPDATE"
_CLAIM = (
    "INSERT INTO processed_updates (update_id, chat_id, processed_at) VALUES ($1, $2, $3) "
    "ON CONFLICT DO NOTHING"
)
_INSERTABLE = tuple(c for c in _COLUMNS if c != "id")
_INSERT = (
    f"INSERT INTO conversations ({', '.join(_INSERTABLE)}) "
    f"VALUES ({', '.join(f'${n}' for n in range(1, len(_INSERTABLE) + 1))}) RETURNING id"
)
_EVENT_COLUMNS = ("conversation_id", "chat_id", "kind", "question_id", "data", "source", "created_at")
_INSERT_EVENT = (
    f"INSERT INTO events ({', '.join(_EVENT_COLUMNS)}) "
    f"VALUES ({', '.join(f'${n}' for n in range(1, len(_EVENT_COLUMNS) + 1))})"
)


def _dump(value: Any) -> str | None:
    # The connection comes from SQLAlchemy's engine, whose asyncpg on-connect hook installs a json
    # codec: it decodes json columns to Python objects on the way out and takes text on the way in.
    return None if value is None else json.dumps(value)


def _load_row(record: asyncpg.Record) -> ConversationRow:
    return ConversationRow(dict(record))


class AsyncpgStatements:
    """The same statements on the asyncpg connection of the chat lock, inside its open transaction."""

    _update_sql: dict[tuple[str, ...], str] = {}  # one UPDATE text per set of changed columns

    def __init__(self, driver: asyncpg.Connection) -> None:
        self.driver = driver

    async def claim_update(self, update_id: int, chat_id: int | None, now: datetime) -> bool:
        status = await self.driver.execute(_CLAIM, update_id, chat_id, now)
        return bool(status == "INSERT 0 1")

    async def get_conversation_for_update(self, chat_id: int) -> ConversationRow | None:
        record = await self.driver.fetchrow(_SELECT, chat_id)
        return _load_row(record) if record is not None else None

    async def insert_conversation(self, values: dict[str, Any]) -> ConversationRow:
        full = {**repo._NEW_CONVERSATION_DEFAULTS, **values, "version": 1}
        args = [_dump(full[c]) if c in _JSON_COLUMNS else full[c] for c in _INSERTABLE]
        full["id"] = await self.driver.fetchval(_INSERT, *args)
        return ConversationRow(full)

    async def save_conversation(self, conv: ConversationRow) -> None:
        write = conv.next_write()
        if write is None:
            return
        changed, version = write
        names = tuple(changed)
        sql = self._update_sql.get(names)
        if sql is None:
            sets = ", ".join(f"{name} = ${n}" for n, name in enumerate(names, start=1))
            where = f"id = ${len(names) + 1} AND version = ${len(names) + 2}"
            sql = self._update_sql[names] = f"UPDATE conversations SET {sets} WHERE {where}"
        args = [_dump(changed[n]) if n in _JSON_COLUMNS else changed[n] for n in names]
        if await self.driver.execute(sql, *args, conv.id, version) != "UPDATE 1":
            raise repo.stale(conv.id, version)
        conv.written(changed)

    async def add_events(
        self,
        conversation: ConversationRow | None,
        chat_id: int | None,
        events: EventRows,
        source: str | None,
        now: datetime,
    ) -> None:
        if not events:
            return
        conversation_id = conversation.id if conversation is not None else None
        rows = [
            (conversation_id, chat_id, kind, question_id, _dump(data), source, now)
            for kind, question_id, data in events
        ]
        await self.driver.executemany(_INSERT_EVENT, rows)  # one round trip for all rows


class LazySession:
    """An AsyncSession made on first use: most steps on PostgreSQL never need one.

    Measured on the local PostgreSQL, an AsyncSession that is opened, begun, committed and closed
    without running anything costs ~100 us of CPU, ~5% of an update. Attribute access creates the
    real session (bound to the chat lock's connection, so its SQL joins the asyncpg transaction
    as a savepoint); ``flush`` on a session never made is a no-op, and ``finish`` commits or
    rolls back only one that was.
    """

    def __init__(self, factory: async_sessionmaker[AsyncSession], conn: AsyncConnection) -> None:
        self._factory = factory
        self._conn = conn
        self._session: AsyncSession | None = None

    @property
    def used(self) -> bool:
        return self._session is not None

    def _get(self) -> AsyncSession:
        if self._session is None:
            self._session = self._factory(bind=self._conn)
        return self._session

    def __getattr__(self, name: str) -> Any:
        return getattr(self._get(), name)

    async def flush(self) -> None:
        if self._session is not None:
            await self._session.flush()

    async def finish(self, *, commit: bool) -> None:
        session, self._session = self._session, None
        if session is None:
            return
        if commit:
            try:
                await session.commit()
            finally:
                await session.close()
            return
        try:
            await session.rollback()
            await session.close()
        except Exception as error:  # never hide the step's own exception (a lost connection, say)
            logger.warning("rolling back the step's session failed: %s", type(error).__name__)

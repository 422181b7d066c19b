"""SQLite: the process's one connection, opened by us, and the step's statements on it from the event loop.

aiosqlite runs sqlite3 on a thread of its own, and every call crosses to it and back: a queue
put, a thread wake-up, the GIL, and ``call_soon_threadsafe`` waking the event loop, which then
runs one more iteration of its selector. A step is about seven statements (BEGIN, the claim,
the read, the UPDATE, the events, the transcript, COMMIT); with one crossing each, the
crossings were most of a step's cost and the event loop spent a fifth of its time waking up
for them, while the statements themselves take microseconds (WAL with ``synchronous=NORMAL``:
a COMMIT is a write() into the page cache, not an fsync).

So the step's statements run right here, on the sqlite3 connection behind the pool's aiosqlite
connection: :func:`connect` opens that sqlite3 connection itself (aiosqlite's documented
``Connection(connector, iter_chunk_size)``; ``check_same_thread=False``) and keeps a reference
to it, so no private part of aiosqlite is needed to reach it. SQLAlchemy, for every other
query (an ORM session a step needs, the reports, the CLI), keeps using aiosqlite on the same
connection.

It is safe to use the sqlite3 connection from the event loop because nothing runs on
aiosqlite's thread for it meanwhile: the step holds the pool's one connection, and every call
into aiosqlite it made was awaited. Only a cancellation can leave one running, so the failure
path (:meth:`SqliteStatements.rollback`) goes through aiosqlite, queued behind it. What could
block the loop is kept off it: BEGIN IMMEDIATE is tried with a zero busy timeout and, when
another process (a CLI command) holds the write lock, waits on aiosqlite's thread instead.
"""

from __future__ import annotations

import functools
import logging
import sqlite3
import weakref
from collections.abc import Callable
from datetime import datetime
from typing import Any

import aiosqlite
from sqlalchemy import Table
from sqlalchemy.dialects.sqlite.aiosqlite import SQLiteDialect_aiosqlite

from bot.db.rows import (
    CONVERSATION_COLUMNS,
    CONVERSATIONS,
    EVENT_COLUMNS,
    EVENTS,
    NEW_CONVERSATION_DEFAULTS,
    PROCESSED_UPDATES,
    ConversationRow,
    EventRows,
    event_rows,
    stale,
)

logger = logging.getLogger(__name__)

BUSY_TIMEOUT_S = 15
ITER_CHUNK_SIZE = 64  # aiosqlite's own default for cursor iteration

# aiosqlite connection -> the sqlite3 connection it runs (ours: we opened it in :func:`connect`).
_OPENED: weakref.WeakKeyDictionary[aiosqlite.Connection, sqlite3.Connection] = weakref.WeakKeyDictionary()


async def connect(database: str) -> aiosqlite.Connection:
    """The pool's connection (SQLAlchemy's ``async_creator``): aiosqlite over a sqlite3 connection of ours."""
    opened: list[sqlite3.Connection] = []

    def connector() -> sqlite3.Connection:
        # On aiosqlite's thread; check_same_thread=False lets the step's statements run on the loop.
        conn = sqlite3.connect(
            database, timeout=BUSY_TIMEOUT_S, check_same_thread=False, isolation_level=None
        )
        opened.append(conn)
        return conn

    driver = aiosqlite.Connection(connector, ITER_CHUNK_SIZE)
    await driver
    _OPENED[driver] = opened[0]
    return driver


def sqlite3_of(driver: aiosqlite.Connection) -> sqlite3.Connection | None:
    """The sqlite3 connection behind a pooled aiosqlite connection, when :func:`connect` opened it."""
    return _OPENED.get(driver)


# sqlite3 takes and returns plain values; SQLAlchemy's SQLite dialect turns datetimes into its text
# format, JSON into text and integers into booleans. The same conversions, taken from the dialect's
# public type API (not written again), so a row reads and writes exactly as through SQLAlchemy.
SQLITE = SQLiteDialect_aiosqlite()
Processor = Callable[[Any], Any] | None
_INSERTABLE = tuple(c for c in CONVERSATION_COLUMNS if c != "id")


def bind_processors(table: Table, names: tuple[str, ...]) -> tuple[Processor, ...]:
    return tuple(table.c[name].type.dialect_impl(SQLITE).bind_processor(SQLITE) for name in names)


def converted(processors: tuple[Processor, ...], values: tuple[Any, ...] | list[Any]) -> tuple[Any, ...]:
    """Each value through its processor (either direction); None stays None, as in SQLAlchemy."""
    return tuple(v if p is None or v is None else p(v) for p, v in zip(processors, values, strict=True))


LITE_READ = tuple(
    CONVERSATIONS.c[name].type.dialect_impl(SQLITE).result_processor(SQLITE, None)
    for name in CONVERSATION_COLUMNS
)
LITE_SELECT = f"SELECT {', '.join(CONVERSATION_COLUMNS)} FROM conversations WHERE chat_id = ?"
LITE_CLAIM = (
    "INSERT INTO processed_updates (update_id, chat_id, processed_at) VALUES (?, ?, ?) "
    "ON CONFLICT DO NOTHING RETURNING update_id"
)
LITE_CLAIM_BIND = bind_processors(PROCESSED_UPDATES, ("update_id", "chat_id", "processed_at"))
LITE_INSERT = (
    f"INSERT INTO conversations ({', '.join(_INSERTABLE)}) VALUES ({', '.join('?' * len(_INSERTABLE))}) "
    "RETURNING id"
)
LITE_INSERT_BIND = bind_processors(CONVERSATIONS, _INSERTABLE)
LITE_EVENT = f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({', '.join('?' * len(EVENT_COLUMNS))})"
LITE_EVENT_BIND = bind_processors(EVENTS, EVENT_COLUMNS)
LITE_UPDATE_BIND = dict(
    zip(CONVERSATION_COLUMNS, bind_processors(CONVERSATIONS, CONVERSATION_COLUMNS), strict=True)
)


@functools.cache
def lite_insert(table: str, names: tuple[str, ...]) -> str:
    """An INSERT of these columns (table and column names from our own models, never from input)."""
    return f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"


@functools.cache  # one text per set of changed columns: a handful in practice
def lite_update(names: tuple[str, ...]) -> str:
    """The versioned UPDATE of these columns (names from our own table, never from input)."""
    sets = ", ".join(f"{name} = ?" for name in names)
    return f"UPDATE conversations SET {sets} WHERE id = ? AND version = ? RETURNING id"


def begin_if_free(conn: sqlite3.Connection) -> bool:
    """BEGIN IMMEDIATE only if no other connection holds the write lock: never waits (the event loop)."""
    if conn.in_transaction:
        return True
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as error:
        if error.sqlite_errorcode != sqlite3.SQLITE_BUSY:
            raise
        return False
    finally:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_S * 1000}")
    return True


class SqliteStatements:
    """The step's statements on sqlite3 from the event loop (see the module's docstring).

    The step's transaction is opened here (BEGIN IMMEDIATE: the write lock up front) before the
    claim; a SQLAlchemy session bound to the same connection joins it (the engine's BEGIN
    listener sees it open, bot/db/engine.py), and its statements go through aiosqlite.
    """

    def __init__(self, driver: aiosqlite.Connection) -> None:
        conn = sqlite3_of(driver)
        if conn is None:
            raise RuntimeError("a SQLite connection not opened by bot.db.sqlite.connect")
        self.driver = driver
        self.conn = conn

    async def begin(self) -> None:
        if not begin_if_free(self.conn):
            # Another process holds the write lock: wait for it on aiosqlite's thread, not here.
            await self.driver.execute_fetchall("BEGIN IMMEDIATE")

    async def claim_update(self, update_id: int, chat_id: int | None, now: datetime) -> bool:
        await self.begin()
        params = converted(LITE_CLAIM_BIND, (update_id, chat_id, now))
        return self.conn.execute(LITE_CLAIM, params).fetchone() is not None

    async def get_conversation_for_update(self, chat_id: int) -> ConversationRow | None:
        await self.begin()
        row = self.conn.execute(LITE_SELECT, (chat_id,)).fetchone()
        if row is None:
            return None
        return ConversationRow(dict(zip(CONVERSATION_COLUMNS, converted(LITE_READ, tuple(row)), strict=True)))

    async def insert_conversation(self, values: dict[str, Any]) -> ConversationRow:
        await self.begin()
        full = {**NEW_CONVERSATION_DEFAULTS, **values, "version": 1}
        params = converted(LITE_INSERT_BIND, [full[c] for c in _INSERTABLE])
        (row_id,) = self.conn.execute(LITE_INSERT, params).fetchone()
        full["id"] = row_id
        return ConversationRow(full)

    async def save_conversation(self, conv: ConversationRow) -> None:
        write = conv.next_write()
        if write is None:
            return
        changed, version = write
        names = tuple(changed)
        params = converted(tuple(LITE_UPDATE_BIND[n] for n in names), [changed[n] for n in names])
        if self.conn.execute(lite_update(names), (*params, conv.id, version)).fetchone() is None:
            raise stale(conv.id, version)
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
        rows = event_rows(conversation, chat_id, events, source, now)
        self.conn.executemany(
            LITE_EVENT, [converted(LITE_EVENT_BIND, tuple(row[c] for c in EVENT_COLUMNS)) for row in rows]
        )

    async def add_rows(self, table: Table, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        await self.begin()
        names = tuple(rows[0])
        binds = bind_processors(table, names)
        self.conn.executemany(
            lite_insert(table.name, names), [converted(binds, [r[n] for n in names]) for r in rows]
        )

    async def commit(self) -> None:
        if self.conn.in_transaction:
            self.conn.commit()

    async def rollback(self) -> None:
        """After a failure, through aiosqlite (behind anything a cancellation left running there);
        never raises, so the step's own exception is the one that surfaces."""
        try:
            if self.conn.in_transaction:
                await self.driver.rollback()
        except Exception as error:  # a broken connection: the pool discards it
            logger.warning("rolling back the step failed: %s", type(error).__name__)

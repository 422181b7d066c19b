"""The five statements every update runs, in three implementations with one contract.

:class:`SessionStatements` runs them through SQLAlchemy (used where no driver connection is at
hand). :class:`AsyncpgStatements` runs them straight on the asyncpg connection that already
holds the chat's lock (bot/locks.py), and sends the step's writes at its end as one call of a
server-side function (migrations/versions/0004_step_functions.py): with the lock's own round trip
reading the row, a plain step is three round trips where it was six.
:class:`SqliteStatements` runs them on sqlite3 directly, without aiosqlite's thread (see there).

Measured on the local PostgreSQL, a transaction with two statements cost 410 us of CPU through
SQLAlchemy and 136 us on asyncpg: SQLAlchemy's per-statement work (execution
context, compiled-cache lookup, result wrapping, greenlet switch) is ~70 us. In the benchmark
that was the largest piece of the bot's CPU still under our control; the round trips themselves
were the next (README, Performance, item 32).

Everything else in a step (the leads hooks, attribution, the assessment row) keeps using the
SQLAlchemy session, made only when used (:class:`LazySession`) and bound to the same connection
so its SQL runs inside the step's transaction: on PostgreSQL the adapter is in autocommit mode
for the step (SQLAlchemy then opens no transaction of its own) and the step opens one before the
session's first statement; on SQLite the engine's BEGIN listener sees the transaction already
open (bot/db/engine.py).

tests/bot/test_conversation_row.py runs the contract against every implementation.
"""

from __future__ import annotations

import functools
import inspect
import json
import logging
import re
import sqlite3
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any, Protocol

import asyncpg
from sqlalchemy import JSON, Table
from sqlalchemy.dialects.sqlite.aiosqlite import SQLiteDialect_aiosqlite
from sqlalchemy.exc import DBAPIError, StatementError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession, async_sessionmaker

from bot.db import repo, sqlite_onehop
from bot.db.engine import SQLITE_BUSY_TIMEOUT_S
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
# Column names below come from our own table definition, never from input. No FOR UPDATE: every
# writer of a chat holds its advisory lock (bot/locks.py), and the version column catches the rest.
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM conversations WHERE chat_id = $1"
_INSERTABLE = tuple(c for c in _COLUMNS if c != "id")
_EVENT_COLUMNS = ("conversation_id", "chat_id", "kind", "question_id", "data", "source", "created_at")
# migrations/versions/0004_step_functions.py: the chat lock with the row's read (bot/locks.py), and
# the claim, the UPDATE and the events in one statement. The columns are named so that a column a
# newer migration adds does not change what this code reads.
OPEN_STEP = f"SELECT {', '.join(_COLUMNS)} FROM bot_open_step($1, $2, $3, $4)"
_SAVE_STEP = "SELECT bot_save_step($1, $2, $3, $4, $5, $6, $7)"
# The SQLSTATE bot_save_step raises when the row's version moved: StaleDataError here.
STALE_SQLSTATE = "BT409"


def _marks(count: int, numbered: bool) -> list[str]:
    """Parameter placeholders: asyncpg's $1, $2 ... or sqlite3's ?."""
    return [f"${n}" for n in range(1, count + 1)] if numbered else ["?"] * count


def _insert_sql(table: str, columns: tuple[str, ...], numbered: bool) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join(_marks(len(columns), numbered))})"


@functools.cache  # one text per set of changed columns (a handful in practice)
def _update_sql(names: tuple[str, ...]) -> str:
    """SQLite's versioned UPDATE of the changed columns; its last two parameters are id and version.

    (PostgreSQL's is inside bot_save_step, migration 0004.)"""
    sets = ", ".join(f"{name} = ?" for name in names)
    return f"UPDATE conversations SET {sets} WHERE id = ? AND version = ?"


_INSERT = _insert_sql("conversations", _INSERTABLE, numbered=True) + " RETURNING id"


def _dump(value: Any) -> str | None:
    # The connection comes from SQLAlchemy's engine, whose asyncpg on-connect hook installs a json
    # codec: it decodes json columns to Python objects on the way out and takes text on the way in.
    return None if value is None else json.dumps(value)


def _json_default(value: object) -> str:
    """Datetimes inside bot_save_step's JSON, as asyncpg encodes a timestamptz parameter (in UTC;
    a naive one is taken as local time, as ``astimezone`` does), so both paths store the same instant."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


# A JSON-escaped NUL (\u0000) not itself escaped (an even run of backslashes before it, or none).
_NUL_ESCAPE = re.compile(r"(?<!\\)((?:\\\\)*)\\u0000")


def _json(value: Any) -> str:
    text = json.dumps(value, default=_json_default)
    if "\\u0000" in text:
        # bot_save_step reads this JSON with json_populate_record, which turns every string in it into
        # text, and PostgreSQL text cannot hold NUL: the whole step would fail. Typed text has its NULs
        # removed on the way in (UserInput.typed); this keeps any other source from breaking a step.
        text = _NUL_ESCAPE.sub(r"\1", text)
    return text


# The conversation row a step starts from, when it was read with the chat lock (None: the chat has
# none); False: nothing was read yet, so the step reads it itself.
FirstRead = ConversationRow | None | bool


def load_row(record: asyncpg.Record) -> ConversationRow:
    return ConversationRow(dict(record))


class AsyncpgStatements:
    """The step's statements on the asyncpg connection that holds the chat lock, written at the end.

    Reads happen at once (the first one usually came with the lock, :meth:`PostgresChatLock.hold_reading`);
    the claim, the row's UPDATE and the events are kept and sent by :meth:`commit` as one call of
    ``bot_save_step`` (migrations/versions/0004_step_functions.py), which is its own transaction.
    The earlier shape (BEGIN with the claim, UPDATE, the events' INSERT, COMMIT) took four round
    trips for what this does in one; each round trip cost the bot ~80 us and the server ~40 us of
    CPU in the benchmark (README, Performance).

    What must run before the end opens a transaction first (:meth:`begin`): a new row, whose id the
    step needs, and anything the step writes through the SQLAlchemy session (the LazySession calls
    :meth:`begin` before its first statement). ``bot_save_step`` then joins that transaction and
    :meth:`commit` ends it. (On a connection already in a transaction it opens and ends none.)

    A claim already taken makes :meth:`commit` roll back whatever ran and set :attr:`duplicate`;
    a moved version raises StaleDataError from :meth:`commit`.
    """

    def __init__(self, driver: asyncpg.Connection, *, first_read: FirstRead = False) -> None:
        self.driver = driver
        self._first_read = first_read
        self._began = False
        self._claim: tuple[int, int | None, datetime] | None = None
        self._write: tuple[int, int, dict[str, Any]] | None = None  # row id, version read, changes
        self._events: list[dict[str, Any]] = []
        self.duplicate = False

    async def begin(self) -> None:
        """Open the step's transaction now (idempotent; nothing to do inside the caller's)."""
        if not self._began and not self.driver.is_in_transaction():
            await self.driver.execute("BEGIN")
            self._began = True

    async def commit(self) -> None:
        """Send what the step kept as one ``bot_save_step``, and COMMIT the transaction if one was opened."""
        claim, write, events = self._claim, self._write, self._events
        self._claim, self._write, self._events = None, None, []
        if claim is not None or write is not None or events:
            update_id, chat_id, now = claim if claim is not None else (None, None, None)
            conv_id, version, changes = write if write is not None else (None, None, None)
            try:
                status = await self.driver.fetchval(
                    _SAVE_STEP,
                    update_id,
                    chat_id,
                    now,
                    conv_id,
                    version,
                    _json(changes) if changes is not None else None,
                    _json(events) if events else None,
                )
            except asyncpg.PostgresError as error:
                if getattr(error, "sqlstate", None) == STALE_SQLSTATE and write is not None:
                    raise repo.stale(conv_id, version) from error  # type: ignore[arg-type]
                raise
            if status == "duplicate":
                self.duplicate = True
                await self.rollback()
                return
        if self._began:
            self._began = False
            await self.driver.execute("COMMIT")

    async def rollback(self) -> None:
        """After a failure: never raises, so the step's own exception is the one that surfaces."""
        self._claim, self._write, self._events = None, None, []
        began, self._began = self._began, False
        try:
            if began and self.driver.is_in_transaction():
                await self.driver.execute("ROLLBACK")
        except Exception as error:  # a lost connection: the chat lock drops it, which ends the transaction
            logger.warning("rolling back the step failed: %s", type(error).__name__)

    async def claim_update(self, update_id: int, chat_id: int | None, now: datetime) -> bool:
        """Kept for :meth:`commit`: a redelivery shows there, as :attr:`duplicate`."""
        self._claim = (update_id, chat_id, now)
        return True

    async def get_conversation_for_update(self, chat_id: int) -> ConversationRow | None:
        first, self._first_read = self._first_read, False
        if first is not False:
            assert first is None or isinstance(first, ConversationRow)
            return first
        record = await self.driver.fetchrow(_SELECT, chat_id)
        return load_row(record) if record is not None else None

    async def insert_conversation(self, values: dict[str, Any]) -> ConversationRow:
        await self.begin()
        full = {**repo._NEW_CONVERSATION_DEFAULTS, **values, "version": 1}
        args = [_dump(full[c]) if c in _JSON_COLUMNS else full[c] for c in _INSERTABLE]
        full["id"] = await self.driver.fetchval(_INSERT, *args)
        return ConversationRow(full)

    async def save_conversation(self, conv: ConversationRow) -> None:
        """Kept for :meth:`commit`; the row counts as written (a second save in one step adds to it)."""
        write = conv.next_write()
        if write is None:
            return
        changed, version = write
        if self._write is not None and self._write[0] == conv.id:
            # One UPDATE per commit: the version it must replace is the first one read.
            _, version, earlier = self._write
            changed = {**earlier, **changed, "version": version + 1}
        elif self._write is not None:
            raise RuntimeError("one conversation row per step")
        self._write = (conv.id, version, changed)
        conv.written(changed)

    async def add_events(
        self,
        conversation: ConversationRow | None,
        chat_id: int | None,
        events: EventRows,
        source: str | None,
        now: datetime,
    ) -> None:
        self._events += repo.event_rows(conversation, chat_id, events, source, now)


# ----------------------------------------------------------------------------- SQLite

# sqlite3 takes and returns plain values; SQLAlchemy's SQLite dialect turns datetimes into its text
# format, JSON into text and integers into booleans. The same conversions, taken from the dialect
# (not written again), so a row reads and writes exactly as through SQLAlchemy.
_SQLITE = SQLiteDialect_aiosqlite()
Processor = Callable[[Any], Any] | None


def _bind_processors(table: Table, names: tuple[str, ...]) -> tuple[Processor, ...]:
    return tuple(table.c[name].type.dialect_impl(_SQLITE).bind_processor(_SQLITE) for name in names)


def _bind(processors: tuple[Processor, ...], values: tuple[Any, ...] | list[Any]) -> tuple[Any, ...]:
    """Each value through its processor (either direction); None stays None, as in SQLAlchemy."""
    return tuple(v if p is None or v is None else p(v) for p, v in zip(processors, values, strict=True))


_CONVERSATION_TABLE: Table = repo._CONVERSATIONS
_RESULT = tuple(
    _CONVERSATION_TABLE.c[name].type.dialect_impl(_SQLITE).result_processor(_SQLITE, None)
    for name in _COLUMNS
)
_LITE_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM conversations WHERE chat_id = ?"
_LITE_CLAIM = (
    "INSERT INTO processed_updates (update_id, chat_id, processed_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"
)
_LITE_CLAIM_BIND = _bind_processors(repo._PROCESSED_UPDATES, ("update_id", "chat_id", "processed_at"))
_LITE_INSERT = _insert_sql("conversations", _INSERTABLE, numbered=False)
_LITE_INSERT_BIND = _bind_processors(_CONVERSATION_TABLE, _INSERTABLE)
_LITE_EVENT = _insert_sql("events", _EVENT_COLUMNS, numbered=False)
_LITE_EVENT_BIND = _bind_processors(repo._EVENTS, _EVENT_COLUMNS)
_LITE_UPDATE_BIND = dict(zip(_COLUMNS, _bind_processors(_CONVERSATION_TABLE, _COLUMNS), strict=True))

# (sql, parameters, many, (conversation id, version) when exactly one row must change)
Write = tuple[str, Any, bool, tuple[int, int] | None]


def _begin_waiting(conn: sqlite3.Connection) -> None:
    """On sqlite3's thread: BEGIN IMMEDIATE, waiting up to the busy timeout for another writer."""
    if not conn.in_transaction:
        conn.execute("BEGIN IMMEDIATE")


def _begin_if_free(conn: sqlite3.Connection) -> bool:
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
        conn.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_S * 1000}")
    return True


def _claim_and_read(
    conn: sqlite3.Connection, claim: tuple[Any, ...], chat_id: int | None
) -> tuple[bool, tuple[Any, ...] | None]:
    if conn.execute(_LITE_CLAIM, claim).rowcount != 1:
        return False, None
    row = conn.execute(_LITE_SELECT, (chat_id,)).fetchone() if chat_id is not None else None
    return True, row


def _read(conn: sqlite3.Connection, chat_id: int) -> tuple[Any, ...] | None:
    row: tuple[Any, ...] | None = conn.execute(_LITE_SELECT, (chat_id,)).fetchone()
    return row


def _insert(conn: sqlite3.Connection, values: tuple[Any, ...]) -> int:
    row_id = conn.execute(_LITE_INSERT, values).lastrowid
    assert row_id is not None
    return row_id


def _write(conn: sqlite3.Connection, writes: list[Write], commit: bool) -> tuple[int, int] | None:
    """The step's writes in order, then COMMIT; a stale version stops it (the caller rolls back)."""
    for sql, parameters, many, expect_one in writes:
        if many:
            conn.executemany(sql, parameters)
        elif conn.execute(sql, parameters).rowcount != 1 and expect_one is not None:
            return expect_one
    if commit:
        conn.commit()
    return None


def _as_sqlalchemy(sql: str, error: sqlite3.Error) -> StatementError:
    """sqlite3's error as SQLAlchemy raises it ("database is locked" is an OperationalError: transient)."""
    return DBAPIError.instance(sql, None, error, sqlite3.Error)


class SqliteStatements:
    """The same statements run on sqlite3 directly, from the event loop, without a thread hand-off.

    aiosqlite runs sqlite3 on a thread of its own. Each hand-off there and back measured ~70 us of
    CPU and ~90 us of wall time on the benchmark's VM, and the thread then queues for the GIL
    against the busy event loop, once per statement it runs; through SQLAlchemy a step made
    seven of them (BEGIN, the five statements, COMMIT) plus SQLAlchemy's own ~70 us per
    statement, all while holding the process's one connection and SQLite's write lock. The
    statements themselves take microseconds: with WAL and ``synchronous=NORMAL``
    (bot/db/engine.py) a commit is a write() into the page cache, not an fsync (measured: BEGIN
    IMMEDIATE 4 us, an INSERT 1-4 us, COMMIT 10 us). So they run right here, on the connection
    the step checked out of the pool (opened with ``check_same_thread=False``).

    What could block the loop is kept off it: BEGIN IMMEDIATE is tried with a zero busy timeout
    and, if another connection (a CLI command, say) holds the write lock, waits on sqlite3's
    thread instead; holding the lock, nothing else in the step waits. The one fsync left is
    SQLite's automatic WAL checkpoint inside an occasional COMMIT (every ~1,000 pages).

    It is safe to use the sqlite3 connection from this thread because nothing runs on aiosqlite's
    thread meanwhile: the step holds the connection, and every hand-off it made was awaited.
    Only a cancellation leaves one running, so the failure path (:meth:`rollback`) goes through
    the thread, queued behind it.

    ``save_conversation`` and ``add_events`` queue their statements; :meth:`send` runs them (and
    COMMIT) at the end. ``save_conversation`` marks the row written at once (a second call writes
    only later changes); :meth:`send` raises StaleDataError if the version moved meanwhile.
    Nothing in a step reads those rows back before the commit.
    """

    def __init__(self, adapted: Any) -> None:
        self._conn = adapted  # SQLAlchemy's adapted aiosqlite connection, switched by sqlite_onehop.adopt
        self._writes: list[Write] = []
        self._read_ahead: tuple[int, tuple[Any, ...] | None] | None = None

    def _run(self, sql: str, function: Callable[..., Any], *args: Any) -> Any:
        try:
            return sqlite_onehop.run_here(self._conn, function, *args)
        except sqlite3.Error as error:
            raise _as_sqlalchemy(sql, error) from error

    async def _begin(self) -> None:
        if not self._run("BEGIN IMMEDIATE", _begin_if_free):
            try:
                await sqlite_onehop.call(self._conn, _begin_waiting)
            except sqlite3.Error as error:
                raise _as_sqlalchemy("BEGIN IMMEDIATE", error) from error

    async def claim_update(self, update_id: int, chat_id: int | None, now: datetime) -> bool:
        await self._begin()
        claim = _bind(_LITE_CLAIM_BIND, (update_id, chat_id, now))
        claimed, row = self._run(_LITE_CLAIM, _claim_and_read, claim, chat_id)
        if claimed and chat_id is not None:
            self._read_ahead = (chat_id, row)  # the step reads this chat's row next
        return bool(claimed)

    async def get_conversation_for_update(self, chat_id: int) -> ConversationRow | None:
        read_ahead, self._read_ahead = self._read_ahead, None
        if read_ahead is not None and read_ahead[0] == chat_id:
            row = read_ahead[1]
        else:
            await self._begin()
            row = self._run(_LITE_SELECT, _read, chat_id)
        if row is None:
            return None
        return ConversationRow(dict(zip(_COLUMNS, _bind(_RESULT, row), strict=True)))

    async def insert_conversation(self, values: dict[str, Any]) -> ConversationRow:
        full = {**repo._NEW_CONVERSATION_DEFAULTS, **values, "version": 1}
        await self.send(commit=False)  # anything queued goes first, in order
        await self._begin()
        values_in_order = _bind(_LITE_INSERT_BIND, [full[c] for c in _INSERTABLE])
        full["id"] = self._run(_LITE_INSERT, _insert, values_in_order)
        return ConversationRow(full)

    async def save_conversation(self, conv: ConversationRow) -> None:
        write = conv.next_write()
        if write is None:
            return
        changed, version = write
        names = tuple(changed)
        args = _bind(tuple(_LITE_UPDATE_BIND[n] for n in names), [changed[n] for n in names])
        self._writes.append((_update_sql(names), (*args, conv.id, version), False, (conv.id, version)))
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
            _bind(_LITE_EVENT_BIND, (conversation_id, chat_id, kind, question_id, data, source, now))
            for kind, question_id, data in events
        ]
        self._writes.append((_LITE_EVENT, rows, True, None))

    async def send(self, *, commit: bool) -> None:
        """Run what is queued, and COMMIT if asked; StaleDataError on a moved version."""
        writes, self._writes = self._writes, []
        if not writes and not commit:
            return
        if writes:
            await self._begin()
        stale = self._run(writes[0][0] if writes else "COMMIT", _write, writes, commit)
        if stale is not None:
            raise repo.stale(*stale)

    async def rollback(self) -> None:
        """The failure path: through sqlite3's thread, behind anything a cancellation left running there.

        Never raises, so the step's own exception is the one that surfaces; a transaction left open
        is rolled back when the pool takes the connection back (or the connection is dropped).
        """
        self._writes = []
        self._read_ahead = None
        try:
            await sqlite_onehop.rollback(self._conn)
        except Exception as error:
            logger.warning("rolling back the step failed: %s", type(error).__name__)


class LazySession:
    """An AsyncSession made on first use: most steps on PostgreSQL never need one.

    Measured on the local PostgreSQL, an AsyncSession that is opened, begun, committed and closed
    without running anything costs ~100 us of CPU, ~5% of an update. Attribute access creates the
    real session (bound to the step's connection, so its SQL runs inside the step's transaction);
    ``flush`` on a session never made is a no-op, and ``finish`` commits or rolls back only one
    that was.

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

"""SQLite through aiosqlite with one thread hand-off per statement instead of four.

aiosqlite runs sqlite3 on a thread of its own; every call crosses to it and back (a queue put,
a thread wake-up, the GIL, and ``call_soon_threadsafe`` waking the event loop). SQLAlchemy's
adapter makes four such calls per statement: create the cursor, execute, fetch the rows, close
the cursor. A step is about eight statements, so ~30 crossings per update, and the benchmark's
profile of the SQLite bot showed its time going there rather than into SQLite.

:class:`OneHopConnection` swaps in a cursor that does all four on the sqlite3 thread in one call
(:func:`_run`), then serves description, rows, rowcount and lastrowid from memory, exactly as
the stock adapter does after its fetch. Everything else (transactions, commit, rollback, errors,
terminate) is SQLAlchemy's own class. :func:`adopt` applies it to a new connection; it is called
from the engine's ``connect`` event (bot/db/engine.py).

The adapted connection also knows whether sqlite3 is inside a transaction (read on the sqlite3
thread after every hand-off), so a ``rollback`` or ``commit`` with nothing to end is skipped
instead of costing a hand-off. The pool calls ``rollback`` on every connection it takes back,
so that was one hand-off per update for nothing. The step's own statements (bot/db/steps.py)
keep the same bookkeeping: :func:`run_here` runs them on sqlite3 from the event loop, and
:func:`call` on sqlite3's thread where they may wait (another writer's lock) or must queue behind
a hand-off a cancellation left running (the rollback after a failure).

It uses two private pieces of aiosqlite 0.22 (``Connection._execute`` and ``Connection._conn``),
which is why pyproject.toml pins ``aiosqlite<0.23`` and :func:`adopt` leaves any connection it
does not recognise alone; tests/bot/test_sqlite_onehop.py checks it is in use.
"""

from __future__ import annotations

import collections
import sqlite3
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy.dialects.sqlite.aiosqlite import AsyncAdapt_aiosqlite_connection, AsyncAdapt_aiosqlite_cursor
from sqlalchemy.util import EMPTY_DICT
from sqlalchemy.util.concurrency import await_

T = TypeVar("T")
# Set on aiosqlite's Connection (SQLAlchemy's adapter has __slots__): True while sqlite3 may be inside
# a transaction. Unknown counts as True, so the worst case is the hand-off this saves.
_IN_TRANSACTION = "_onehop_in_transaction"


def in_transaction(adapted: Any) -> bool:
    return bool(getattr(adapted._connection, _IN_TRANSACTION, True))


def _mark(adapted: Any, value: bool) -> None:
    setattr(adapted._connection, _IN_TRANSACTION, value)


def _run(
    conn: sqlite3.Connection, operation: str, parameters: Any, many: bool
) -> tuple[Any, list[Any] | None, int, int | None, bool]:
    """On the sqlite3 thread: create, execute, fetch and close in one go."""
    cursor = conn.cursor()
    try:
        if many:
            cursor.executemany(operation, parameters)
        elif parameters is None:
            cursor.execute(operation)
        else:
            cursor.execute(operation, parameters)
        description = cursor.description
        rows = cursor.fetchall() if description else None
        return description, rows, cursor.rowcount, cursor.lastrowid, conn.in_transaction
    finally:
        cursor.close()


def _tracked(function: Callable[..., T], conn: sqlite3.Connection, args: tuple[Any, ...]) -> tuple[T, bool]:
    return function(conn, *args), conn.in_transaction


async def call(adapted: Any, function: Callable[..., T], *args: Any) -> T:
    """Run ``function(sqlite3_connection, *args)`` on the connection's thread, in one hand-off.

    ``adapted`` is the DBAPI connection SQLAlchemy pooled (one :func:`adopt` switched); the
    caller holds it (checked out of the pool), so nothing else runs on it meanwhile. sqlite3's
    exceptions come back as they are.
    """
    async with adapted._execute_mutex:
        driver = adapted._connection
        _mark(adapted, True)  # until the thread says otherwise (a failure or a cancellation leaves it so)
        result, inside = await driver._execute(_tracked, function, driver._conn, args)
        _mark(adapted, inside)
        return result


class OneHopCursor(AsyncAdapt_aiosqlite_cursor):
    __slots__ = ("_description", "_rowcount", "_lastrowid")

    # There is no aiosqlite cursor to close later: _run closed the sqlite3 one already.
    _awaitable_cursor_close = False

    def __init__(self, adapt_connection: Any) -> None:  # no super().__init__: it would make a cursor
        self._adapt_connection = adapt_connection
        self._connection = adapt_connection._connection
        self._cursor = None  # type: ignore[assignment]
        self._soft_closed_memoized = EMPTY_DICT
        self._rows = collections.deque()
        self._description: Any = None
        self._rowcount = -1
        self._lastrowid: int | None = None

    @property
    def description(self) -> Any:
        return self._description

    @property
    def rowcount(self) -> int:
        return self._rowcount

    @property
    def lastrowid(self) -> int:
        return self._lastrowid  # type: ignore[return-value]

    def execute(self, operation: Any, parameters: Any = None) -> Any:
        try:
            return await_(self._run_async(operation, parameters, False))
        except Exception as error:
            self._adapt_connection._handle_exception(error)

    def executemany(self, operation: Any, seq_of_parameters: Any) -> Any:
        try:
            return await_(self._run_async(operation, seq_of_parameters, True))
        except Exception as error:
            self._adapt_connection._handle_exception(error)

    async def _run_async(self, operation: Any, parameters: Any, many: bool) -> None:
        async with self._adapt_connection._execute_mutex:
            raw = self._connection._conn  # raises "no active connection" once closed, as aiosqlite does
            _mark(self._adapt_connection, True)
            description, rows, rowcount, lastrowid, inside = await self._connection._execute(
                _run, raw, operation, parameters, many
            )
            _mark(self._adapt_connection, inside)
        self._description, self._rowcount, self._lastrowid = description, rowcount, lastrowid
        self._rows = collections.deque(rows) if rows else collections.deque()


class OneHopConnection(AsyncAdapt_aiosqlite_connection):
    __slots__ = ()
    _cursor_cls = OneHopCursor

    # sqlite3 itself does nothing for either outside a transaction; skipping saves the hand-off.
    def commit(self) -> None:
        if in_transaction(self):
            super().commit()
            _mark(self, False)

    def rollback(self) -> None:
        if in_transaction(self):
            super().rollback()
            _mark(self, False)


def adopt(dbapi_connection: Any) -> bool:
    """Switch a fresh SQLAlchemy aiosqlite connection to the one-hop cursor; False if not applicable."""
    if type(dbapi_connection) is not AsyncAdapt_aiosqlite_connection:
        return False
    driver = getattr(dbapi_connection, "_connection", None)
    if not (hasattr(driver, "_execute") and hasattr(type(driver), "_conn")):
        return False  # an aiosqlite without the private API this relies on: keep the stock cursor
    dbapi_connection.__class__ = OneHopConnection
    _mark(dbapi_connection, True)  # not known yet
    return True


def _rollback(conn: sqlite3.Connection) -> None:
    conn.rollback()


async def rollback(adapted: Any) -> None:
    """ROLLBACK from async code; no hand-off when sqlite3 is known to be outside a transaction."""
    if in_transaction(adapted):
        await call(adapted, _rollback)


def adopted(dbapi_connection: Any) -> bool:
    return type(dbapi_connection) is OneHopConnection


def run_here(adapted: Any, function: Callable[..., T], *args: Any) -> T:
    """Run ``function(sqlite3_connection, *args)`` on this thread, keeping the transaction state.

    Only for a caller that holds the connection and has awaited every hand-off it made on it, so
    that aiosqlite's thread is idle (bot/db/steps.py, SqliteStatements); the engine opens its
    connections with ``check_same_thread=False`` for this.
    """
    conn = adapted._connection._conn  # "no active connection" once closed, as aiosqlite says
    _mark(adapted, True)
    result = function(conn, *args)
    _mark(adapted, conn.in_transaction)
    return result


def _inside(conn: sqlite3.Connection) -> bool:
    return conn.in_transaction


def inside_transaction(dbapi_connection: Any) -> bool:
    """Whether sqlite3 is inside a transaction, for synchronous SQLAlchemy code (an event listener).

    Free when the last hand-off said no; asks the sqlite3 thread (one hand-off) when it said yes
    or when it is not known, because a wrong yes would let SQLAlchemy run without BEGIN.
    """
    if not adopted(dbapi_connection) or not in_transaction(dbapi_connection):
        return False
    return await_(call(dbapi_connection, _inside))

"""The step's statements straight on the database drivers: the fast paths, behind one interface.

Both classes are :class:`bot.db.statements.StepStatements`, like the SQLAlchemy one, and
tests/bot/test_statements.py holds all three to one contract. They skip SQLAlchemy's
per-statement work (execution context, compiled-cache lookup, result wrapping, a greenlet
switch), which is most of a step's database cost; docs/performance.md has the figures.

* :class:`AsyncpgStatements` (PostgreSQL) runs on the asyncpg connection already holding the
  chat's lock (bot/db/locks.py) and sends the step's writes at its end as one call of a
  server-side function (``bot_save_step``, migrations 0004 and 0005): with the lock's own
  round trip reading the row, a plain step is three round trips (lock and read, save, unlock).
* :class:`bot.db.sqlite.SqliteStatements` (SQLite) runs the statements on sqlite3 itself, from
  the event loop.
"""

from __future__ import annotations

import functools
import json
import logging
import re
from datetime import UTC, datetime
from typing import Any

import asyncpg
from sqlalchemy import JSON, Table

from bot.db.rows import (
    CONVERSATION_COLUMNS,
    JSON_COLUMNS,
    NEW_CONVERSATION_DEFAULTS,
    ConversationRow,
    EventRows,
    event_rows,
    stale,
)
from bot.db.statements import FirstRead

logger = logging.getLogger(__name__)

# Column names below come from our own table definition, never from input. No FOR UPDATE: every
# writer of a chat holds its advisory lock (bot/db/locks.py), and the version column catches the rest.
_SELECT = f"SELECT {', '.join(CONVERSATION_COLUMNS)} FROM conversations WHERE chat_id = $1"
_INSERTABLE = tuple(c for c in CONVERSATION_COLUMNS if c != "id")
# Migrations 0004 and 0005: the chat lock with the row's read (bot/db/locks.py), and the claim, the
# UPDATE and the events in one statement. The columns are named so that a column a
# newer migration adds does not change what this code reads.
OPEN_STEP = f"SELECT {', '.join(CONVERSATION_COLUMNS)} FROM bot_open_step($1, $2, $3, $4)"
_SAVE_STEP = "SELECT bot_save_step($1, $2, $3, $4, $5, $6, $7)"
# The SQLSTATE bot_save_step raises when the row's version moved: StaleDataError here.
STALE_SQLSTATE = "BT409"
_INSERT = (
    f"INSERT INTO conversations ({', '.join(_INSERTABLE)}) "
    f"VALUES ({', '.join(f'${n}' for n in range(1, len(_INSERTABLE) + 1))}) RETURNING id"
)


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


def load_row(record: asyncpg.Record) -> ConversationRow:
    return ConversationRow(dict(record))


class AsyncpgStatements:
    """The step's statements on the asyncpg connection that holds the chat lock, written at the end.

    Reads happen at once (the first one usually came with the lock, :meth:`PostgresChatLock.hold_reading`);
    the claim, the row's UPDATE and the events are kept and sent by :meth:`commit` as one call of
    ``bot_save_step``, which is its own transaction: one round trip where BEGIN, the claim, the
    UPDATE, the events' INSERT and COMMIT would take four.

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
                    raise stale(conv_id, version) from error  # type: ignore[arg-type]
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
        full = {**NEW_CONVERSATION_DEFAULTS, **values, "version": 1}
        args = [_dump(full[c]) if c in JSON_COLUMNS else full[c] for c in _INSERTABLE]
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
        self._events += event_rows(conversation, chat_id, events, source, now)

    async def add_rows(self, table: Table, rows: list[dict[str, Any]]) -> None:
        """In the step's transaction (opened now), as one pipelined executemany."""
        if not rows:
            return
        await self.begin()
        names = tuple(rows[0])
        json_names = {c.key for c in table.columns if isinstance(c.type, JSON)}
        await self.driver.executemany(
            pg_insert(table.name, names),
            [tuple(_dump(row[n]) if n in json_names else row[n] for n in names) for row in rows],
        )


@functools.cache
def pg_insert(table: str, names: tuple[str, ...]) -> str:
    placeholders = ", ".join(f"${n}" for n in range(1, len(names) + 1))
    return f"INSERT INTO {table} ({', '.join(names)}) VALUES ({placeholders})"

"""The queries the conversation runner needs, written once for SQLite and PostgreSQL.

Every function takes the caller's session and never commits: the runner owns the
transaction, so one update is one commit. On PostgreSQL the step's own five statements
also exist as plain asyncpg SQL (bot/db/steps.py, with the reason); both share the
ConversationRow below and one contract test.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Column, CursorResult, Table, bindparam, delete, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from bot.db.models import Assessment, Conversation, EventRecord, ProcessedUpdate


def _dialect(session: AsyncSession) -> str:
    return session.get_bind().dialect.name


# Built once, at import: building a statement per update showed in the benchmark's profile. The
# compiled forms are cached by SQLAlchemy, so these cost only their execution.
_PROCESSED_UPDATES: Table = ProcessedUpdate.__table__  # type: ignore[assignment]
_EVENTS: Table = EventRecord.__table__  # type: ignore[assignment]
# Core (table) statements: they skip the ORM's bulk-insert compile path, the values come as parameters.
_CLAIM_UPDATE = {
    "postgresql": postgresql.insert(_PROCESSED_UPDATES).on_conflict_do_nothing(),
    "sqlite": sqlite.insert(_PROCESSED_UPDATES).on_conflict_do_nothing(),
}
_INSERT_EVENTS = insert(_EVENTS)
_CONVERSATIONS: Table = Conversation.__table__  # type: ignore[assignment]
_CONVERSATION_COLUMNS = tuple(column.key for column in _CONVERSATIONS.columns)
_SELECT_FOR_UPDATE = (
    select(_CONVERSATIONS).where(_CONVERSATIONS.c.chat_id == bindparam("chat_id")).with_for_update()
)
_UPDATE_CONVERSATION = update(_CONVERSATIONS).where(
    _CONVERSATIONS.c.id == bindparam("_id"), _CONVERSATIONS.c.version == bindparam("_version")
)


def _scalar_default(column: Column[Any]) -> tuple[bool, Any]:
    default = column.default
    if isinstance(default, ScalarElementColumnDefault):
        return True, default.arg
    return False, None


# What a new row gets for the columns a caller leaves out, read from the model (its scalar defaults,
# else NULL where allowed); required columns have no entry, so leaving one out fails loudly.
_NEW_CONVERSATION_DEFAULTS: dict[str, Any] = {
    column.key: _scalar_default(column)[1]
    for column in _CONVERSATIONS.columns
    if column.key not in ("id", "version") and (column.nullable or _scalar_default(column)[0])
}


async def claim_update(session: AsyncSession, update_id: int, chat_id: int | None, now: datetime) -> bool:
    """Record update_id; False when it was already processed (a redelivery to skip).

    ON CONFLICT DO NOTHING instead of catching IntegrityError, because on PostgreSQL
    a failed INSERT aborts the whole transaction.
    """
    values = {"update_id": update_id, "chat_id": chat_id, "processed_at": now}
    stmt = _CLAIM_UPDATE["postgresql" if _dialect(session) == "postgresql" else "sqlite"]
    result = await session.execute(stmt, values)
    return bool(getattr(result, "rowcount", 0))


class ConversationRow:
    """One ``conversations`` row as a plain object: what a step reads and changes.

    The step path loads, inserts and updates this row with Core statements instead of the ORM.
    The benchmark's profile put the ORM's share of an update (identity map, attribute history,
    autoflush, the unit of work's flush) at about a tenth of the bot's CPU, for one row that is
    read once and written once per update. Attribute names match bot.db.models.Conversation, so
    the step code and the leads hooks use either. The version column keeps the ORM's contract:
    :func:`save_conversation` writes only where the version is the one read, bumps it, and raises
    StaleDataError when another writer got there first (the runner then retries from a fresh read).
    """

    __slots__ = (*_CONVERSATION_COLUMNS, "_loaded")

    id: int
    chat_id: int
    user_id: int | None
    state: str
    snapshot: dict[str, Any]
    lang: str
    source_first: str | None
    source_last: str | None
    status: str
    contact_phone: str | None
    source_token: str | None
    variant_intro: str | None
    variant_cta: str | None
    lead_step: str | None
    lead_draft: dict[str, Any] | None
    with_staff: bool
    opted_out: bool
    reminder_sent_at: datetime | None
    created_at: datetime
    updated_at: datetime
    finished_at: datetime | None
    version: int

    def __init__(self, values: Mapping[Any, Any]) -> None:
        for name in _CONVERSATION_COLUMNS:
            setattr(self, name, values[name])
        # What the database holds now: an UPDATE writes only the columns that differ from it, so a
        # column another writer may set meanwhile (reminder_sent_at) is never written back stale.
        self._loaded = {name: values[name] for name in _CONVERSATION_COLUMNS}

    def changes(self) -> dict[str, Any]:
        loaded = self._loaded
        changed = {}
        for name in _CONVERSATION_COLUMNS:
            value = getattr(self, name)
            # JSON columns compare by value. A dict edited in place would be missed (it is the loaded
            # object itself), which is why the step and the leads hooks always assign a new one.
            if value is not loaded[name] and value != loaded[name]:
                changed[name] = value
        return changed

    def next_write(self) -> tuple[dict[str, Any], int] | None:
        """The columns to write (version bumped) and the version they must replace; None: nothing."""
        changed = self.changes()
        if not changed:
            return None
        version = self._loaded["version"]
        changed["version"] = version + 1
        return changed, version

    def written(self, changed: dict[str, Any]) -> None:
        self.version = changed["version"]
        self._loaded.update(changed)


def stale(conv_id: int, version: int) -> StaleDataError:
    return StaleDataError(f"conversation {conv_id} changed since version {version} was read")


async def get_conversation_for_update(session: AsyncSession, chat_id: int) -> ConversationRow | None:
    """Load the chat's conversation with a row lock (FOR UPDATE is a no-op on SQLite)."""
    row = (await session.execute(_SELECT_FOR_UPDATE, {"chat_id": chat_id})).mappings().one_or_none()
    return ConversationRow(row) if row is not None else None


async def insert_conversation(session: AsyncSession, values: dict[str, Any]) -> ConversationRow:
    """A new row (version 1, as the ORM numbers it), with the model's defaults for what is left out."""
    full = {**_NEW_CONVERSATION_DEFAULTS, **values, "version": 1}
    result = cast(CursorResult[Any], await session.execute(insert(_CONVERSATIONS), full))
    key = result.inserted_primary_key
    assert key is not None
    full["id"] = key[0]
    return ConversationRow(full)


async def save_conversation(session: AsyncSession, conv: ConversationRow) -> None:
    """Write what the step changed, guarded by the version read under the row lock."""
    write = conv.next_write()
    if write is None:
        return
    changed, version = write
    # One prebuilt statement: the SET clause follows the parameters' keys (building an UPDATE with
    # .values() per call showed in the profile as statement construction and cache-key work).
    result = await session.execute(_UPDATE_CONVERSATION, {**changed, "_id": conv.id, "_version": version})
    if getattr(result, "rowcount", 1) != 1:
        raise stale(conv.id, version)
    conv.written(changed)


async def get_conversation(session: AsyncSession, chat_id: int) -> Conversation | None:
    stmt = select(Conversation).where(Conversation.chat_id == chat_id)
    return (await session.execute(stmt)).scalar_one_or_none()


async def add_events(
    session: AsyncSession,
    conversation: Conversation | ConversationRow | None,
    chat_id: int | None,
    events: list[tuple[str, str | None, dict[str, Any]]],
    source: str | None,
    now: datetime,
) -> None:
    """Insert the step's events in one statement, in order (ids ascend as before).

    One Core INSERT with every row instead of one ORM object per event: the unit of work's
    flush of these rows was the largest single item in the benchmark's profile. Nothing reads
    the rows back through the session, so no ORM object is needed.
    """
    if not events:
        return
    await session.execute(_INSERT_EVENTS, event_rows(conversation, chat_id, events, source, now))


def event_rows(
    conversation: Conversation | ConversationRow | None,
    chat_id: int | None,
    events: list[tuple[str, str | None, dict[str, Any]]],
    source: str | None,
    now: datetime,
) -> list[dict[str, Any]]:
    """A step's events as rows of the events table (the session's INSERT, asyncpg's bot_save_step)."""
    conversation_id = conversation.id if conversation is not None else None
    return [
        {
            "conversation_id": conversation_id,
            "chat_id": chat_id,
            "kind": kind,
            "question_id": question_id,
            "data": data,
            "source": source,
            "created_at": now,
        }
        for kind, question_id, data in events
    ]


async def add_assessment(
    session: AsyncSession, conversation: ConversationRow, answers: dict[str, Any], plan: Any, now: datetime
) -> Assessment:
    row = Assessment(
        conversation_id=conversation.id,
        chat_id=conversation.chat_id,
        answers=answers,
        plan=plan,
        created_at=now,
    )
    session.add(row)
    await session.flush()
    return row


async def prune_processed_updates(session: AsyncSession, older_than: datetime) -> int:
    """Telegram retries for about a day; older update ids only cost space."""
    result = await session.execute(delete(ProcessedUpdate).where(ProcessedUpdate.processed_at < older_than))
    return int(getattr(result, "rowcount", 0) or 0)

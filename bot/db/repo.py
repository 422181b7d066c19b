"""The queries the runner needs, written once for SQLite and PostgreSQL through SQLAlchemy.

Every function takes the caller's session and never commits: the runner owns the
transaction, so one update is one commit. On PostgreSQL the step's own statements also
exist as plain asyncpg SQL (bot/db/fast.py); both meet one contract test.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, bindparam, delete, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import Assessment, Conversation, ProcessedUpdate
from bot.db.rows import (
    CONVERSATIONS,
    EVENTS,
    NEW_CONVERSATION_DEFAULTS,
    PROCESSED_UPDATES,
    ConversationRow,
    EventRows,
    event_rows,
    stale,
)

# Built once: building a statement costs more than running it. The compiled forms
# are cached by SQLAlchemy, so these cost only their execution.
CLAIM_UPDATE = {
    "postgresql": postgresql.insert(PROCESSED_UPDATES).on_conflict_do_nothing(),
    "sqlite": sqlite.insert(PROCESSED_UPDATES).on_conflict_do_nothing(),
}
INSERT_EVENTS = insert(EVENTS)
SELECT_FOR_UPDATE = (
    select(CONVERSATIONS).where(CONVERSATIONS.c.chat_id == bindparam("chat_id")).with_for_update()
)
UPDATE_CONVERSATION = update(CONVERSATIONS).where(
    CONVERSATIONS.c.id == bindparam("row_id"), CONVERSATIONS.c.version == bindparam("row_version")
)


def dialect_of(session: AsyncSession) -> str:
    return session.get_bind().dialect.name


async def claim_update(session: AsyncSession, update_id: int, chat_id: int | None, now: datetime) -> bool:
    """Record update_id; False when it was already processed (a redelivery to skip).

    ON CONFLICT DO NOTHING instead of catching IntegrityError, because on PostgreSQL
    a failed INSERT aborts the whole transaction.
    """
    values = {"update_id": update_id, "chat_id": chat_id, "processed_at": now}
    stmt = CLAIM_UPDATE["postgresql" if dialect_of(session) == "postgresql" else "sqlite"]
    result = await session.execute(stmt, values)
    return bool(getattr(result, "rowcount", 0))


async def get_conversation_for_update(session: AsyncSession, chat_id: int) -> ConversationRow | None:
    """Load the chat's conversation with a row lock (FOR UPDATE is a no-op on SQLite)."""
    row = (await session.execute(SELECT_FOR_UPDATE, {"chat_id": chat_id})).mappings().one_or_none()
    return ConversationRow(row) if row is not None else None


async def insert_conversation(session: AsyncSession, values: dict[str, Any]) -> ConversationRow:
    """A new row (version 1, as the ORM numbers it), with the model's defaults for what is left out."""
    full = {**NEW_CONVERSATION_DEFAULTS, **values, "version": 1}
    result = cast(CursorResult[Any], await session.execute(insert(CONVERSATIONS), full))
    key = result.inserted_primary_key
    assert key is not None
    full["id"] = key[0]
    return ConversationRow(full)


async def save_conversation(session: AsyncSession, conv: ConversationRow) -> None:
    """Write what the step changed, guarded by the version read under the chat lock."""
    write = conv.next_write()
    if write is None:
        return
    changed, version = write
    # One prebuilt statement: the SET clause follows the parameters' keys.
    result = await session.execute(
        UPDATE_CONVERSATION, {**changed, "row_id": conv.id, "row_version": version}
    )
    if getattr(result, "rowcount", 1) != 1:
        raise stale(conv.id, version)
    conv.written(changed)


async def get_conversation(session: AsyncSession, chat_id: int) -> Conversation | None:
    stmt = select(Conversation).where(Conversation.chat_id == chat_id)
    return (await session.execute(stmt)).scalar_one_or_none()


async def add_events(
    session: AsyncSession,
    conversation: ConversationRow | None,
    chat_id: int | None,
    events: EventRows,
    source: str | None,
    now: datetime,
) -> None:
    """Insert the step's events in one Core statement, in order (ids ascend as before)."""
    if not events:
        return
    await session.execute(INSERT_EVENTS, event_rows(conversation, chat_id, events, source, now))


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

"""The queries the conversation runner needs, written once for SQLite and PostgreSQL.

Every function takes the caller's session and never commits: the runner owns the
transaction, so one update is one commit.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Table, delete, insert, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import Assessment, Conversation, EventRecord, ProcessedUpdate


def _dialect(session: AsyncSession) -> str:
    return session.get_bind().dialect.name


# Built once: constructing a text() parses its SQL for bind names, and the profile showed that on
# every update. The compiled forms are cached by SQLAlchemy, so these cost only their execution.
_ADVISORY_XACT_LOCK = text("SELECT pg_advisory_xact_lock(:key)")
_PROCESSED_UPDATES: Table = ProcessedUpdate.__table__  # type: ignore[assignment]
_EVENTS: Table = EventRecord.__table__  # type: ignore[assignment]
# Core (table) statements: they skip the ORM's bulk-insert compile path, the values come as parameters.
_CLAIM_UPDATE = {
    "postgresql": postgresql.insert(_PROCESSED_UPDATES).on_conflict_do_nothing(),
    "sqlite": sqlite.insert(_PROCESSED_UPDATES).on_conflict_do_nothing(),
}
_INSERT_EVENTS = insert(_EVENTS)


async def lock_chat(session: AsyncSession, chat_id: int) -> None:
    """Serialise one chat's updates across processes for the rest of the transaction.

    PostgreSQL: an advisory lock keyed by chat_id also covers a chat that has no row
    yet, where SELECT ... FOR UPDATE would lock nothing. SQLite: the transaction
    already began with BEGIN IMMEDIATE, which holds the database write lock.
    """
    if _dialect(session) == "postgresql":
        await session.execute(_ADVISORY_XACT_LOCK, {"key": chat_id})


async def claim_update(session: AsyncSession, update_id: int, chat_id: int | None, now: datetime) -> bool:
    """Record update_id; False when it was already processed (a redelivery to skip).

    ON CONFLICT DO NOTHING instead of catching IntegrityError, because on PostgreSQL
    a failed INSERT aborts the whole transaction.
    """
    values = {"update_id": update_id, "chat_id": chat_id, "processed_at": now}
    stmt = _CLAIM_UPDATE["postgresql" if _dialect(session) == "postgresql" else "sqlite"]
    result = await session.execute(stmt, values)
    return bool(getattr(result, "rowcount", 0))


async def get_conversation_for_update(session: AsyncSession, chat_id: int) -> Conversation | None:
    """Load the chat's conversation with a row lock (FOR UPDATE is a no-op on SQLite).

    populate_existing: after a StaleDataError retry the identity map may hold an old copy.
    """
    stmt = (
        select(Conversation)
        .where(Conversation.chat_id == chat_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    return (await session.execute(stmt)).scalar_one_or_none()


async def get_conversation(session: AsyncSession, chat_id: int) -> Conversation | None:
    stmt = select(Conversation).where(Conversation.chat_id == chat_id)
    return (await session.execute(stmt)).scalar_one_or_none()


async def add_events(
    session: AsyncSession,
    conversation: Conversation | None,
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
    conversation_id = conversation.id if conversation is not None else None
    rows = [
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
    await session.execute(_INSERT_EVENTS, rows)


async def add_assessment(
    session: AsyncSession, conversation: Conversation, answers: dict[str, Any], plan: Any, now: datetime
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

"""The ``conversations`` row as a plain object, derived from the one table definition.

The step reads and writes this one row per update with Core statements (or asyncpg on
PostgreSQL) rather than the ORM: an identity map, attribute history and a unit-of-work
flush are a lot of machinery for one row read once and written once. The attribute
names are the model's columns (bot/db/models.py is the one declaration of the
schema); the annotations below exist for the type checker, and
tests/bot/test_rows.py fails when they and the model disagree.

The version column keeps the ORM's contract: a save writes only where the version is
the one read, bumps it, and raises StaleDataError when another writer got there first.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, Table
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from bot.db.models import Conversation, EventRecord, ProcessedUpdate

CONVERSATIONS: Table = Conversation.__table__  # type: ignore[assignment]
PROCESSED_UPDATES: Table = ProcessedUpdate.__table__  # type: ignore[assignment]
EVENTS: Table = EventRecord.__table__  # type: ignore[assignment]
CONVERSATION_COLUMNS: tuple[str, ...] = tuple(column.key for column in CONVERSATIONS.columns)
JSON_COLUMNS = frozenset(c.key for c in CONVERSATIONS.columns if isinstance(c.type, JSON))
# The columns of an event row the step writes (the id is the database's).
EVENT_COLUMNS: tuple[str, ...] = tuple(c.key for c in EVENTS.columns if c.key != "id")

# (kind, question_id, data) of each event a step records, in order.
EventRows = list[tuple[str, str | None, dict[str, Any]]]


def scalar_default(column: Column[Any]) -> tuple[bool, Any]:
    default = column.default
    if isinstance(default, ScalarElementColumnDefault):
        return True, default.arg
    return False, None


# What a new row gets for the columns a caller leaves out, read from the model (its scalar defaults,
# else NULL where allowed); required columns have no entry, so leaving one out fails loudly.
NEW_CONVERSATION_DEFAULTS: dict[str, Any] = {
    column.key: scalar_default(column)[1]
    for column in CONVERSATIONS.columns
    if column.key not in ("id", "version") and (column.nullable or scalar_default(column)[0])
}


class ConversationRow:
    """One ``conversations`` row: what a step reads and changes."""

    __slots__ = (*CONVERSATION_COLUMNS, "loaded")

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
    click_id: int | None
    version: int
    loaded: dict[str, Any]  # what the database holds now (see changes())

    def __init__(self, values: Mapping[Any, Any]) -> None:
        for name in CONVERSATION_COLUMNS:
            setattr(self, name, values[name])
        # An UPDATE writes only the columns that differ from what was read, so a column another
        # writer may set meanwhile (reminder_sent_at) is never written back stale.
        self.loaded = {name: values[name] for name in CONVERSATION_COLUMNS}

    def changes(self) -> dict[str, Any]:
        loaded = self.loaded
        changed = {}
        for name in CONVERSATION_COLUMNS:
            value = getattr(self, name)
            # JSON columns compare by value. A dict edited in place would be missed (it is the loaded
            # object itself), which is why the step always assigns a new one.
            if value is not loaded[name] and value != loaded[name]:
                changed[name] = value
        return changed

    def next_write(self) -> tuple[dict[str, Any], int] | None:
        """The columns to write (version bumped) and the version they must replace; None: nothing."""
        changed = self.changes()
        if not changed:
            return None
        version = self.loaded["version"]
        changed["version"] = version + 1
        return changed, version

    def written(self, changed: dict[str, Any]) -> None:
        self.version = changed["version"]
        self.loaded.update(changed)


def stale(conv_id: int, version: int) -> StaleDataError:
    return StaleDataError(f"conversation {conv_id} changed since version {version} was read")


def event_rows(
    conversation: ConversationRow | None,
    chat_id: int | None,
    events: EventRows,
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

"""The conversation row as flows/ sees it (ChatState), and back; a new row's values.

The row holds more than the conversation (its id, the chat, the reminder bookkeeping);
only the columns below are the conversation's, and only what a turn changed is written.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from bot.db.models import Conversation
from bot.db.rows import ConversationRow
from flows.chat import ChatState
from flows.types import Snapshot


def aware(value: datetime) -> datetime:
    """SQLite hands back naive datetimes; everything stored is UTC."""
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def to_jsonable(value: Any) -> Any:
    """Plain JSON for the database: pydantic models, Decimals and dates included."""
    if hasattr(value, "model_dump"):
        value = value.model_dump(mode="json")
    return json.loads(json.dumps(value, default=str))


def state_of(row: ConversationRow | Conversation) -> ChatState:
    """The state of a step's row, or of a conversation a staff action loaded through the ORM."""
    return ChatState(
        screening=Snapshot.model_validate(row.snapshot),
        status=row.status,
        lang=row.lang,
        source_first=row.source_first,
        source_last=row.source_last,
        source_token=row.source_token,
        variant_intro=row.variant_intro,
        variant_cta=row.variant_cta,
        lead_step=row.lead_step,
        lead_draft=dict(row.lead_draft) if row.lead_draft is not None else None,
        with_staff=row.with_staff,
        opted_out=row.opted_out,
        finished_at=row.finished_at,  # as read: written back only when a turn changes it
        click_id=row.click_id,
        last_seen=aware(row.updated_at),
    )


def conversation_columns(state: ChatState) -> dict[str, Any]:
    """The row's columns that hold the conversation, from its state."""
    return {
        "state": state.screening.state,
        "snapshot": state.screening.model_dump(mode="json"),
        "status": state.status,
        "lang": state.lang,
        "source_first": state.source_first,
        "source_last": state.source_last,
        "source_token": state.source_token,
        "variant_intro": state.variant_intro,
        "variant_cta": state.variant_cta,
        "lead_step": state.lead_step,
        "lead_draft": dict(state.lead_draft) if state.lead_draft is not None else None,
        "with_staff": state.with_staff,
        "opted_out": state.opted_out,
        "finished_at": state.finished_at,
        "click_id": state.click_id,
    }


def apply_state(row: ConversationRow, state: ChatState, now: datetime) -> None:
    for name, value in conversation_columns(state).items():
        setattr(row, name, value)
    row.updated_at = now


def new_row(chat_id: int, user_id: int | None, state: ChatState, now: datetime) -> dict[str, Any]:
    return {
        "chat_id": chat_id,
        "user_id": user_id,
        **conversation_columns(state),
        "created_at": now,
        "updated_at": now,
    }

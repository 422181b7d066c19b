"""The conversation as the person saw it: what they sent, what the bot showed, in order.

Recorded inside each step's transaction (a :class:`~bot.runner.hooks.StepRecorder`), so a
redelivered update records nothing twice and a step that failed records nothing. What is
kept, and what is not:

* the person's words as they typed them, the label of the button they pressed, the command
  they sent; for a photo, voice note or file only that one was sent (never its content), for a
  shared contact only that it was shared;
* the bot's messages as plain text, with the labels of their buttons.

Lines of a conversation that never became a lead are deleted after :data:`KEEP_DAYS` (the
back office's background task, :func:`prune`): nobody will ever be shown them.

A message with a tax id never reaches the runner (bot/features/privacy/guard.py drops it
first), so it is never here. /delete erases every line (bot/features/privacy/erase.py).
The dashboard shows a transcript only for a lead, to staff signed in.
"""

from __future__ import annotations

import html
import re
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Table, delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import LeadConversation
from bot.db.office import TranscriptLine
from bot.runner.hooks import Scope
from bot.telegram.incoming import Incoming
from flows.catalogue import t
from flows.chat import Act
from flows.types import InputKind, OutMessage

PERSON = "person"
BOT = "bot"
TEXT_MAX = 4096
TRANSCRIPT_LINES: Table = TranscriptLine.__table__  # type: ignore[assignment]
KEEP_DAYS = 30
_TAG = re.compile(r"<[^>]+>")

COMMANDS = {Act.START: "/start", Act.HELP: "/help", Act.CANCEL: "/cancel", Act.STOP: "/stop"}


def plain_text(message: OutMessage) -> str:
    """The message as read: its plain form, or its HTML with the tags taken off."""
    if message.plain.strip():
        return message.plain
    return html.unescape(_TAG.sub("", message.html))


def pressed_label(incoming: Incoming) -> str | None:
    callback = incoming.callback
    if callback is None or callback.markup is None:
        return None
    for row in callback.markup.inline_keyboard:
        for button in row:
            if button.callback_data == callback.data:
                return button.text
    return None


def person_line(incoming: Incoming, lang: str) -> str | None:
    """What the person did, as they would recognise it."""
    inp = incoming.chat
    if inp.act in COMMANDS:
        return COMMANDS[inp.act]
    if inp.act is Act.MEDIA:
        return t("office.transcript.media", lang)
    if inp.act is Act.CONTACT:
        return t("office.transcript.contact", lang)
    ui = inp.user_input
    if ui is None:
        return None
    if ui.kind is InputKind.TEXT:
        return ui.value
    label = pressed_label(incoming)
    if label is not None:
        return label
    return f"/{ui.value}" if ui.kind is InputKind.COMMAND else ui.value


def lines_of(scope: Scope) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    said = person_line(scope.incoming, scope.lang)
    if said:
        rows.append({"role": PERSON, "text": said[:TEXT_MAX], "buttons": None})
    for message in scope.turn.messages:
        labels = [b.label for row in message.buttons for b in row]
        if message.keyboard is not None:
            labels += [key.label for row in message.keyboard.rows for key in row]
        rows.append({"role": BOT, "text": plain_text(message)[:TEXT_MAX], "buttons": labels or None})
    for row in rows:
        row["conversation_id"] = scope.row.id
        row["created_at"] = scope.now
    return rows


async def record_transcript(scope: Scope) -> None:
    """The runner's StepRecorder: this step's lines, in the step's transaction."""
    await scope.tx.add_rows(TRANSCRIPT_LINES, lines_of(scope))


async def transcript(session: AsyncSession, conversation_ids: list[int]) -> list[TranscriptLine]:
    if not conversation_ids:
        return []
    stmt = (
        select(TranscriptLine)
        .where(TranscriptLine.conversation_id.in_(conversation_ids))
        .order_by(TranscriptLine.created_at, TranscriptLine.id)
    )
    return list((await session.execute(stmt)).scalars())


async def erase_transcript(session: AsyncSession, conversation_id: int) -> None:
    await session.execute(delete(TranscriptLine).where(TranscriptLine.conversation_id == conversation_id))


async def prune(session: AsyncSession, now: datetime, keep: timedelta = timedelta(days=KEEP_DAYS)) -> int:
    """Delete the old lines of conversations that are not a lead's."""
    leads = select(LeadConversation.conversation_id)
    result = await session.execute(
        delete(TranscriptLine).where(
            TranscriptLine.created_at < now - keep, TranscriptLine.conversation_id.not_in(leads)
        )
    )
    return int(getattr(result, "rowcount", 0) or 0)

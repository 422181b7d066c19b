"""How features extend the runner: three small typed interfaces, and what a step tells them.

* An :class:`EffectHandler` carries out one kind of effect a turn asked for
  (flows/effects.py), inside the step's transaction, through the :class:`Scope`: a consent
  record, a lead, a message for the staff chat. Work that must wait until the replies were
  sent (posting a card) is queued on ``scope.after``.
* A :class:`SourceResolver` turns a /start payload into the campaign it stands for
  (a link token's UTM fields), inside the transaction, before the conversation sees it.
* A :class:`StepRecorder` sees every stored step inside its transaction, after the effects:
  what the turn showed and the events it recorded (the transcript of a conversation, the
  conversions a lead earned), so what it writes commits with the step or not at all.
* An :class:`Observer` sees every update's :class:`Outcome` once everything is done
  (metrics; the tests' "handled" counter).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from aiogram import Bot
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.rows import ConversationRow, EventRows
from bot.db.store import StepTx
from bot.telegram.incoming import Incoming
from bot.telegram.render import Outgoing
from flows.chat import Source, Turn
from flows.effects import Effect

AfterCommit = Callable[[Bot], Awaitable[None]]


@dataclass
class Scope:
    """One step inside its transaction, as an effect handler sees it."""

    tx: StepTx
    row: ConversationRow
    incoming: Incoming
    turn: Turn
    now: datetime
    events: EventRows = field(default_factory=list)  # the step's events; a handler may add its own
    after: list[AfterCommit] = field(default_factory=list)
    assessment_id: int | None = None  # the assessment row a plan shown in this step was kept as

    @property
    def session(self) -> AsyncSession:
        return self.tx.session

    @property
    def lang(self) -> str:
        return self.row.lang

    def event(self, kind: str, question_id: str | None = None, **data: Any) -> None:
        self.events.append((kind, question_id, data))


class EffectHandler(Protocol):
    async def __call__(self, scope: Scope, effect: Any) -> None: ...


class StepRecorder(Protocol):
    async def __call__(self, scope: Scope) -> None: ...


class SourceResolver(Protocol):
    async def __call__(self, session: AsyncSession, payload: str | None) -> Source | None: ...


@dataclass
class Outcome:
    """What one update did, once its replies were sent."""

    incoming: Incoming
    duplicate: bool = False  # a redelivery: nothing was written or sent
    conversation_id: int | None = None
    lang: str = "en"
    status: str | None = None
    source: str | None = None
    turn: Turn | None = None
    messages: list[Outgoing] = field(default_factory=list)
    finished: bool = False  # a plan was shown
    assessment_id: int | None = None
    event_kinds: list[str] = field(default_factory=list)  # the events committed, in order
    effects: list[Effect] = field(default_factory=list)
    delivered: bool = True  # every message reached Telegram
    after: list[AfterCommit] = field(default_factory=list)


Observer = Callable[[Bot, Outcome], Awaitable[None]]

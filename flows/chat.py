"""The types of a conversation with one person: its state, an input, the context, a turn.

flows/conversation.py runs a turn; the machines that take part in it (lifecycle,
capture, staff pause) read and fill a :class:`Reply`. Everything here is plain data:
the bot maps its conversation row to a :class:`ChatState` and back, and carries out
the :class:`Turn`'s effects.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Protocol

from flows import screening as default_screening
from flows.catalogue import normalize_lang
from flows.effects import Effect
from flows.hours import Hours
from flows.notices import NoticeReading, ReadOutcome
from flows.plan import Plan
from flows.rules.deadlines import Urgency
from flows.types import Event, OutMessage, Snapshot, StepResult, UserInput
from flows.variants import VariantBook

STATUS_NEW = "new"  # no conversation stored yet
STATUS_ACTIVE = "active"
STATUS_CANCELLED = "cancelled"
STATUS_FINISHED = "finished"


class Act(StrEnum):
    START = "start"  # /start, maybe from an ad's deep link
    INPUT = "input"  # typed text, a button, or a control (/back, /restart, "resume")
    HELP = "help"
    CANCEL = "cancel"
    STOP = "stop"  # no more reminders
    MEDIA = "media"  # a photo, voice note, sticker, document: nothing typed
    CONTACT = "contact"  # a contact shared through Telegram's "share my number" key


@dataclass(frozen=True)
class Source:
    """Where a /start came from: the campaign, the link token behind it (UTM fields), and the ad
    click it was (``click``: the id of a one-time click token's row, None for any other link)."""

    campaign: str | None = None
    token: str | None = None
    click: int | None = None


class MediaKind(StrEnum):
    PHOTO = "photo"
    DOCUMENT = "document"  # a file: a PDF or a picture sent as a file, or anything else
    VOICE = "voice"  # a voice note, an audio file, a video or a round video note
    OTHER = "other"  # a sticker, a location, a poll: nothing to read or to pass on


@dataclass(frozen=True)
class Media:
    """A MEDIA input: what was sent and, for a photo or a document, what the letter reader made of it.

    The picture itself never reaches flows/ (nor the database): only the fields read from it,
    which are kept only once the person confirms them.
    """

    kind: MediaKind
    message_id: int | None = None  # the person's message, so they can choose to pass it to staff
    outcome: ReadOutcome | None = None  # None: not looked at (a voice note, a sticker)
    reading: NoticeReading | None = None


@dataclass(frozen=True)
class ChatInput:
    act: Act
    user_input: UserInput | None = None  # INPUT
    source: Source | None = None  # START: what the deep link resolved to (None: no or unusable payload)
    payload: str | None = None  # START: the deep link as sent (relayed to staff as the person wrote it)
    phone: str | None = None  # CONTACT: the number as Telegram sent it; None when it is someone else's
    first_name: str | None = None  # Telegram's first name: suggested as the name to ask for
    language_code: str | None = None  # Telegram's app language: the language of a new conversation
    button: bool = False  # came from an inline button (its spinner gets the notice)
    media: Media | None = None  # MEDIA: what was sent


@dataclass(frozen=True)
class Firm:
    name: str
    phone: str
    booking_url: str = ""


class Phones(Protocol):
    """Reading phone numbers is a library's job (phonenumbers); the bot passes one in."""

    def typed(self, text: str) -> str | None:
        """What a person typed, as E.164, or None when it is not a dialable number."""

    def shared(self, raw: str) -> str | None:
        """A number from Telegram's shared contact, as E.164."""

    def shown(self, e164: str) -> str:
        """A number as a person reads it."""


class Screening(Protocol):
    """The screening a conversation runs: flows/screening.py, or a stand-in in transport tests."""

    def start(self, lang: str) -> StepResult: ...

    def handle(self, snapshot: Snapshot, user_input: UserInput, today: date) -> StepResult: ...

    def current_prompt(self, snapshot: Snapshot) -> list[OutMessage]: ...

    def urgency(self, snapshot: Snapshot, today: date) -> Urgency | None:
        """What the answers so far show that cannot wait (said at once, with a call offered)."""

    def plan(self, snapshot: Snapshot, today: date) -> Plan | None:
        """The plan the answers so far give (for a lead left mid-screening)."""

    def answers_open_question(self, snapshot: Snapshot, user_input: UserInput, today: date) -> bool:
        """Does this typed text answer the question on screen? (Kept, then, after a break.)"""


@dataclass(frozen=True)
class Context:
    now: datetime
    firm: Firm
    phones: Phones
    variants: VariantBook = field(default_factory=VariantBook)
    rng: random.Random = field(default_factory=random.Random)
    # Typed text after this long away is met with "welcome back: continue or start over?".
    resume_after: timedelta = timedelta(minutes=60)
    screening: Screening = default_screening  # type: ignore[assignment]  # a module satisfies it
    hours: Hours | None = None  # the firm's business hours, when set: promises of a call say when


@dataclass
class ChatState:
    """What the conversation row holds for the conversation (the bot maps its columns here and back)."""

    screening: Snapshot
    status: str = STATUS_ACTIVE
    lang: str = "en"
    source_first: str | None = None
    source_last: str | None = None
    source_token: str | None = None
    variant_intro: str | None = None
    variant_cta: str | None = None
    lead_step: str | None = None  # flows/capture.py; None: nothing asked yet
    lead_draft: dict[str, str] | None = None  # the call-back details given so far
    with_staff: bool = False
    opted_out: bool = False
    finished_at: datetime | None = None
    click_id: int | None = None  # the ad click behind the latest /start that carried one
    last_seen: datetime | None = None  # when the person last wrote

    def copy(self) -> ChatState:
        return replace(self, lead_draft=dict(self.lead_draft) if self.lead_draft is not None else None)

    @property
    def step(self) -> int:
        return self.screening.step

    def has_progress(self) -> bool:
        return bool(self.screening.history or self.screening.answers)


@dataclass
class Turn:
    """What one input did: the state to store, what to send, what happened, what else to do."""

    state: ChatState | None  # None: nothing to store (no conversation, and this input starts none)
    messages: list[OutMessage] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    effects: list[Effect] = field(default_factory=list)
    notice: str | None = None  # a short note on the pressed button (stale, already answered)
    mark_chosen: bool = False  # the pressed button's keyboard becomes "✓ <choice>"
    finished: bool = False  # a plan was shown in this turn
    plan: Plan | None = None
    created: bool = False  # the conversation starts with this turn: insert, don't update
    screening: StepResult | None = None  # the screening's own result, when it ran

    @property
    def step(self) -> int:
        """The step the buttons of this turn's messages belong to (older ones are stale)."""
        return self.state.step if self.state is not None else 0

    def say(self, message: OutMessage) -> None:
        self.messages.append(message)

    def event(self, kind: str, question_id: str | None = None, **data: object) -> None:
        self.events.append(Event(kind, question_id, dict(data)))


@dataclass
class Reply:
    """The turn being built, shared by the machines that take part in it."""

    state: ChatState | None
    inp: ChatInput
    ctx: Context
    turn: Turn

    @property
    def lang(self) -> str:
        return self.state.lang if self.state is not None else normalize_lang(self.inp.language_code)

    def live(self) -> ChatState:
        assert self.state is not None, "no conversation yet"
        return self.state

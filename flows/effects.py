"""What a step asks the bot to do besides storing the conversation and sending its messages.

flows/ decides and never performs I/O, so anything a decision implies beyond the
conversation row (a consent record, a lead, a message copied to the staff chat, the
assessment kept for the staff) comes back as one of these plain values. The bot's
features carry them out inside the step's transaction; an effect nobody handles is a
programming error the runner reports, never silently dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flows.plan import Plan


@dataclass(frozen=True)
class SaveAssessment:
    """A screening reached its plan: keep the answers and the plan as the person saw them."""

    answers: dict[str, Any]
    plan: Plan


@dataclass(frozen=True)
class RecordConsent:
    """Evidence of one consent decision: which wording (version + hash of the exact text), how."""

    accepted: bool
    version: str
    text_hash: str
    lang: str
    channel: str


@dataclass(frozen=True)
class ConsentCoversPhone:
    """The number the person gave after agreeing: the consent covers exactly this number."""

    phone_e164: str


# Why a person left a number: after their plan, because something could not wait, or to talk to someone.
REASON_PLAN = "plan"
REASON_URGENT = "urgent"
REASON_PERSON = "person"


@dataclass(frozen=True)
class SaveLead:
    """Capture finished: the person agreed, gave a number, a name and a time to call."""

    phone_e164: str
    name: str
    best_time: str
    # True when the number came from Telegram's own "share my contact" (the account's verified number).
    verified: bool
    reason: str = REASON_PLAN
    plan: Plan | None = None  # what the answers so far give: the plan, or its start when asked mid-screening


@dataclass(frozen=True)
class NotifyStaff:
    """A person whose number the firm already has asks for someone now, or something became urgent."""

    reason: str
    plan: Plan | None = None


@dataclass(frozen=True)
class WithdrawConsent:
    """ "Stop contacting me": the consent is withdrawn and recorded so, the lead is not called."""

    version: str
    text_hash: str
    lang: str
    channel: str


@dataclass(frozen=True)
class RelayToStaff:
    """Pass what the person sent on to the staff chat: while a staff member has them, or when
    they chose to (a voice note or a file the bot cannot read).

    ``text`` for what can be shown as text (typed words, a command); otherwise the
    person's message itself is copied (a photo, a voice note, a sticker).
    """

    text: str | None
    copy_message: bool = False
    # The person's message to copy, when it is not the one being handled (a voice note they chose
    # to pass on with a button, after it was sent); None: the message of this update.
    message_id: int | None = None


Effect = (
    SaveAssessment
    | RecordConsent
    | ConsentCoversPhone
    | SaveLead
    | NotifyStaff
    | WithdrawConsent
    | RelayToStaff
)

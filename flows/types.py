"""Plain data exchanged between flows/ and whoever drives it (bot, terminal, tests).

flows/ never performs I/O: it returns these objects, and the caller stores and
sends them. Everything here is JSON-serialisable through pydantic so the bot can
persist a Snapshot as it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, Field


class Snapshot(BaseModel):
    """Everything needed to rebuild a conversation: the bot stores it in one row."""

    state: str
    # Answers.model_dump(mode="json", exclude_none=True)
    answers: dict[str, Any] = Field(default_factory=dict)
    history: list[str] = Field(default_factory=list)  # question ids answered, for /back
    lang: str = "en"
    step: int = 0  # bumps on every accepted input; buttons of older steps are stale
    returning_to: str | None = None  # set while re-asking after a change from the review
    told: list[str] = Field(default_factory=list)  # what was said at once (flows/lifecycle.py urgency)


class InputKind(StrEnum):
    TEXT = "text"  # anything typed
    BUTTON = "button"  # an inline button press; value is Button.value
    COMMAND = "command"  # start, back, restart, review, change:<question_id>, continue


@dataclass(frozen=True)
class FormFields:
    """What the financial form sent (flows/finform.py): the step it was opened at, and each field as
    typed or chosen, by question id. Raw text on purpose: it is read by the questions' own readers."""

    opened_at: int
    values: tuple[tuple[str, str], ...] = ()

    def as_dict(self) -> dict[str, str]:
        return dict(self.values)


@dataclass(frozen=True)
class UserInput:
    kind: InputKind
    value: str
    # For buttons: the step the button was shown at. A mismatch means the button is stale.
    step: int | None = None
    # The "form" command only: the fields the form sent (its own step is inside; ``step`` stays None).
    form: FormFields | None = None

    @classmethod
    def typed(cls, text: str) -> UserInput:
        """What a person typed, as the engine takes it: text every database and JSON can hold.

        No keyboard types a NUL or half of a UTF-16 surrogate pair, but a client can send either
        (JSON's ``\\u0000``, a lone ``\\ud800``), and neither can be stored: PostgreSQL's text and
        JSON refuse them, and no UTF-8 encodes a lone surrogate. A NUL is dropped; a lone
        surrogate becomes "?".
        """
        text = text.replace("\x00", "")
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            text = text.encode("utf-8", "replace").decode("utf-8")
        return cls(InputKind.TEXT, text)

    @classmethod
    def command(cls, name: str, step: int | None = None) -> UserInput:
        return cls(InputKind.COMMAND, name, step)

    @classmethod
    def pressed(cls, value: str, step: int | None = None) -> UserInput:
        return cls(InputKind.BUTTON, value, step)

    @classmethod
    def form_sent(cls, fields: FormFields) -> UserInput:
        """The financial form, submitted: one command that answers the questions it holds."""
        return cls(InputKind.COMMAND, "form", None, fields)


@dataclass(frozen=True)
class Button:
    """An inline button. Its value is what comes back when it is pressed.

    Value conventions (all short ASCII, at most 24 characters, so the bot's
    step prefix still fits Telegram's 64-byte callback data):

    - ``cmd:<command>`` is a control ("cmd:back", "cmd:review", "cmd:restart",
      "cmd:continue"). The bot passes it as UserInput(kind=COMMAND,
      value="<command>", step=<step shown>); passing it as a BUTTON with the
      prefix works too. With a step, an old control is caught as stale.
    - ``change:<question_id>`` comes from the review: pass it as a BUTTON with
      its step; the engine treats it as the "change:<question_id>" command.
    - anything else is an answer to the question shown at that step.

    ``web_app`` names a page the bot serves inside Telegram (a Mini App: "finform", the financial
    form). flows/ holds no addresses: the bot's render layer gives the name its configured URL, and
    leaves the button out where the page is not served (a terminal, a bot without a public https
    address). It sends nothing back as a press; the page submits to the bot's web server.
    """

    label: str  # localised, plain text
    value: str = ""  # token sent back as UserInput.value; short ASCII, fits Telegram's 64-byte callback data
    url: str | None = None  # a link button (the firm's booking page): opens the URL, sends nothing back
    web_app: str | None = None  # a Mini App by name (see above)


@dataclass(frozen=True)
class Key:
    """A key of the keyboard that replaces the phone's own: tapping it sends its label as text."""

    label: str
    request_contact: bool = False  # Telegram asks the person to share their own phone number


@dataclass(frozen=True)
class Keyboard:
    """Suggested replies shown in place of the phone's keyboard (a name, the best time, "share my number")."""

    rows: tuple[tuple[Key, ...], ...]


@dataclass(frozen=True)
class OutMessage:
    html: str  # Telegram HTML; every user-provided value already escaped
    plain: str  # the same message for a terminal
    buttons: tuple[tuple[Button, ...], ...] = ()
    # question | info | error | result | review | greeting | cta | resume | consent | capture
    kind: str = "info"
    question_id: str | None = None
    keyboard: Keyboard | None = None  # suggested replies; never together with buttons
    remove_keyboard: bool = False  # take suggested replies of an earlier message off the screen


@dataclass(frozen=True)
class Event:
    """A fact worth storing for funnel reports: which step was entered, answered, left."""

    # started | entered | answered | invalid | back | restart | review | changed | completed | stale
    kind: str
    question_id: str | None = None
    data: dict[str, Any] = field(default_factory=dict)


@dataclass
class StepResult:
    snapshot: Snapshot
    messages: list[OutMessage]
    events: list[Event]
    accepted: bool  # False: the input was rejected and the snapshot is unchanged
    finished: bool = False  # the screening reached its result
    plan: Any = None  # flows.plan.Plan when finished
    progress: tuple[int, int] | None = None  # (questions answered, estimated total)

"""The screening on its own: start, handle one input, re-show the current prompt.

Why a thin function layer over machine.py: the bot, the terminal and the tests
all speak Snapshot in, StepResult out, and never touch `transitions`. Everything
about inputs that is not a tax question lives here: stale buttons, "cmd:"
button values, unknown commands, the step counter.
"""

from __future__ import annotations

from datetime import date

from flows import finform, notice_answers, planview
from flows import questions as Q
from flows.answers import Answers
from flows.assessment import assess
from flows.catalogue import normalize_lang, t
from flows.machine import CHANGE_PREFIX, NEW, Conversation, fire, labels_for
from flows.messages import message
from flows.parsing import ParseError
from flows.plan import Plan
from flows.rules.deadlines import Urgency
from flows.rules.deadlines import urgency as find_urgency
from flows.types import Event, InputKind, OutMessage, Snapshot, StepResult, UserInput

__all__ = ["answers_open_question", "current_prompt", "handle", "plan", "start", "urgency"]

COMMANDS = frozenset({"back", "restart", "review", "continue"})
CMD_PREFIX = "cmd:"


def start(lang: str = "en") -> StepResult:
    """A new conversation at its first question (the bot sends its own greeting before it)."""
    conv = Conversation(Snapshot(state=NEW, lang=normalize_lang(lang)))
    fire(conv, "start")
    return _result(conv, conv.snapshot())


def handle(snapshot: Snapshot, user_input: UserInput, today: date) -> StepResult:
    """Apply one input. A rejected input returns the very same snapshot with accepted=False."""
    kind, value = user_input.kind, user_input.value.strip()
    if user_input.step is not None and user_input.step != snapshot.step and kind != InputKind.TEXT:
        return _stale(snapshot, value)

    # Control buttons ("cmd:back") and review buttons ("change:<id>") are commands that came as buttons.
    if kind == InputKind.BUTTON and value.startswith(CMD_PREFIX):
        kind, value = InputKind.COMMAND, value[len(CMD_PREFIX) :]
    elif kind == InputKind.BUTTON and value.startswith(CHANGE_PREFIX):
        kind = InputKind.COMMAND
    elif kind == InputKind.TEXT and value.startswith("/") and value[1:].lower() in COMMANDS:
        kind = InputKind.COMMAND  # "/back" typed where a transport passed it through as text

    conv = Conversation(snapshot, today)
    if kind == InputKind.COMMAND:
        name, _, arg = value.lstrip("/").partition(":")
        name = name.lower()
        if name == "change":
            fire(conv, "change", question_id=arg)
        elif name in COMMANDS:
            fire(conv, name)
        elif name == "start":
            fire(conv, "continue")  # /start mid-conversation resumes where it was
        elif name == notice_answers.PREFIX:
            fire(conv, "letter", facts=notice_answers.facts(arg))
        elif name == finform.COMMAND and user_input.form is not None:
            fire(conv, "form", form=user_input.form)  # the financial form, submitted from its page
        elif name == notice_answers.DECLINED:
            return _letter_declined(snapshot, conv)
        elif name in planview.ON_DEMAND:
            fire(conv, "more", command=value)  # a button of the plan's summary: details, other options
        else:
            return _unknown_command(snapshot, conv)
    else:
        fire(conv, "answer", user_input=UserInput(kind, value, user_input.step))

    if not conv.accepted or _unchanged(snapshot, conv):
        return _result(conv, snapshot, accepted=False)
    conv.step = snapshot.step + 1
    return _result(conv, conv.snapshot())


def urgency(snapshot: Snapshot, today: date) -> Urgency | None:
    """What the answers so far show that cannot wait (flows/rules/deadlines.py)."""
    return find_urgency(Answers.model_validate(snapshot.answers), today)


def plan(snapshot: Snapshot, today: date) -> Plan:
    """The plan the answers so far give: the whole plan once finished, its urgent start before."""
    return assess(Answers.model_validate(snapshot.answers), today)


def current_prompt(snapshot: Snapshot) -> list[OutMessage]:
    """Show the current question (or review / done reply) again: after a sticker, on resume."""
    return Conversation(snapshot).prompt()


def answers_open_question(snapshot: Snapshot, user_input: UserInput, today: date) -> bool:
    """Does this typed input read as an answer to the question on screen?

    For the lifecycle: a person back after a break who types "yes" or "$600" under the
    question they left is answering it, and that answer must be kept rather than met
    with the welcome-back offer. Pure and without side effects: nothing is stored here,
    the input still goes through handle(). Buttons (they carry a step number, which the
    stale check judges), commands, and anything outside a question are not answers.
    """
    if user_input.kind != InputKind.TEXT or snapshot.state not in Q.BY_ID:
        return False
    raw = user_input.value.strip()
    if not raw or raw.startswith("/"):
        return False
    q = Q.BY_ID[snapshot.state]
    try:
        answers = Answers.model_validate(snapshot.answers)
        Q.understand(q, raw, answers, snapshot.lang, today, labels=labels_for(q))
    except (ParseError, ValueError):
        return False
    return True


# ---------------------------------------------------------------- helpers


def _result(conv: Conversation, snapshot: Snapshot, *, accepted: bool = True) -> StepResult:
    return StepResult(
        snapshot=snapshot,
        messages=conv.outbox,
        events=conv.events,
        accepted=accepted,
        finished=conv.finished,
        plan=conv.plan,
        progress=conv.progress(),
    )


def _unchanged(before: Snapshot, conv: Conversation) -> bool:
    """A move that stayed put (text after the result, /back at the first question): nothing to store."""
    return (
        conv.state == before.state
        and conv.history == before.history
        and conv.returning_to == before.returning_to
        and not conv.finished
    )


def _stale(snapshot: Snapshot, value: str) -> StepResult:
    conv = Conversation(snapshot)
    conv.outbox.append(message(t("conv.stale", conv.lang)))
    conv.outbox.extend(conv.prompt())
    conv.events.append(
        Event("stale", snapshot.state if snapshot.state != NEW else None, {"value": value[:24]})
    )
    return _result(conv, snapshot, accepted=False)


def _letter_declined(snapshot: Snapshot, conv: Conversation) -> StepResult:
    """ "No, not quite" under a letter read from a photo: nothing is kept, the questions go on."""
    conv.outbox.append(message(t("letters.declined", conv.lang)))
    conv.outbox.extend(conv.prompt())
    conv.events.append(Event("letter_declined"))
    return _result(conv, snapshot, accepted=False)


def _unknown_command(snapshot: Snapshot, conv: Conversation) -> StepResult:
    conv.outbox.append(message(t("conv.unknown_command", conv.lang)))
    conv.outbox.extend(conv.prompt())
    return _result(conv, snapshot, accepted=False)

"""The financial statement as one form: which questions it holds, and reading what it sent.

Why a form: where an offer, a partial-payment plan or a pause of collection is in play, the
screening needs the household's whole financial picture, up to twenty figures asked one by one
in the chat. On a phone a form with all of them in view, and the IRS's arithmetic added up as
they are typed, is quicker to fill and easier to check. The chat stays for those who prefer it
(and for the terminal): the form is another way to answer the same questions, not another
screening.

So it is read by the questions themselves. Each field is a question of the table in
flows/questions.py, read in table order by that question's own reader and validated by the same
pydantic types as a typed answer (``Q.understand``), so a value reaches the answers only after
the checks it would meet in the chat, with the same refusal message when it fails. Which fields
apply is the questions' own relevance: a vehicle's loan only with a vehicle, the mortgage only
with real estate, and nothing at all outside the financial block. What the form sends is raw
text from the person's phone and is trusted no more than a typed reply: a field that does not
apply is ignored, one that applies and is missing is refused.

A form is tied to the step it was opened at: if the conversation moved on in the meantime (an
answer typed in the chat, /back), the form is refused with the reason, as an old button is.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from flows import questions as Q
from flows.answers import Answers
from flows.parsing import ParseError
from flows.types import Snapshot

APP = "finform"  # the Mini App's name (Button.web_app): the bot gives it its address
COMMAND = "form"  # the command a submitted form arrives as (UserInput.form_sent)

# The form's sections, each a run of the financial block's questions (household; income and the
# taxes paid now; the monthly expenses the IRS allows; what the household owns).
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("household", ("residence", "household_size", "members_65")),
    ("income", ("monthly_income", "expense_taxes")),
    (
        "expenses",
        (
            "expense_housing",
            "vehicle_count",
            "vehicle_payment",
            "expense_transport",
            "health_insurance",
            "expense_health",
            "expense_court",
            "expense_other",
        ),
    ),
    (
        "assets",
        (
            "asset_cash",
            "home_value",
            "home_loan",
            "vehicle_value",
            "vehicle_loan",
            "retirement_value",
            "other_assets",
        ),
    ),
)
_IN_FORM = frozenset(qid for _, ids in SECTIONS for qid in ids)
# Table order: the order the fields are read in, since a question's relevance reads earlier answers.
FIELDS: tuple[str, ...] = tuple(q.id for q in Q.QUESTIONS if q.id in _IN_FORM)
MAX_FIELD_CHARS = 64  # longer than any amount a person types; more is not read

REQUIRED = "form.err.required"
CHOOSE = "form.err.choose"  # a choice left empty
# Why a form cannot be used now (catalogue ids; the person is told, the page too).
NO_CONVERSATION = "form.refused.no_conversation"
WITH_STAFF = "form.refused.with_staff"
NOT_NOW = "form.refused.not_now"
STALE = "form.refused.stale"
INVALID = "form.refused.invalid"


@dataclass
class FormReading:
    """What a form says, read as the questions read their answers.

    ``answers`` and ``history`` are the conversation's with every field that passed (a copy; the
    caller's are untouched); ``errors`` holds the refusal of each field that did not, by question
    id; ``shown`` the fields that apply given what was entered, in table order.
    """

    answers: Answers
    history: list[str]
    filled: list[str] = field(default_factory=list)
    errors: dict[str, ParseError] = field(default_factory=dict)
    shown: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.errors and bool(self.filled)


def read(
    answers: Answers, history: list[str], values: Mapping[str, str], lang: str, today: date
) -> FormReading:
    """Read a form's fields over the conversation's answers, in table order.

    A field that fails its question's checks is cleared (its old answer must not stand in for
    what the form now says), so the fields after it are judged without it, as the chat would.
    """
    answers = answers.model_copy()
    history = list(history)
    reading = FormReading(answers, history)
    for q in Q.QUESTIONS:
        if q.id not in _IN_FORM:
            continue
        if not q.relevant(Q.Facts(answers)):
            continue
        reading.shown.append(q.id)
        raw = (values.get(q.id) or "").strip()
        try:
            if not raw:
                raise ParseError(CHOOSE if q.kind is Q.Kind.CHOICE else REQUIRED)
            if len(raw) > MAX_FIELD_CHARS:
                raise ParseError(unreadable(q))
            # A form's field is read strictly, as a button's value is: what was typed is a figure,
            # never a sentence to search, and a choice is one of its options' values.
            value = Q.understand(q, raw, answers, lang, today, button=True).value
        except (ParseError, ValueError) as error:
            reading.errors[q.id] = error if isinstance(error, ParseError) else ParseError(unreadable(q))
            Q.clear(q, answers)
            history[:] = [qid for qid in history if qid != q.id]
            continue
        Q.store(q, value, answers)
        history[:] = [qid for qid in history if qid != q.id] + [q.id]
        reading.filled.append(q.id)
    settled, _ = Q.settle(answers, history)
    reading.history = settled
    reading.filled = [qid for qid in reading.filled if qid in settled]
    return reading


def unreadable(q: Q.Question) -> str:
    """The chat's refusal of a reply its reader cannot make sense of."""
    return "conv.err.choice" if q.kind is Q.Kind.CHOICE else f"conv.err.{q.kind.value}.nonsense"


def in_block(state: str) -> bool:
    """Is the conversation at a question the form answers (where it is offered)?"""
    return state in _IN_FORM


def refusal(snapshot: Snapshot, *, active: bool, with_staff: bool, opened_at: int | None) -> str | None:
    """Why a form cannot be used in this conversation now (a catalogue id), or None.

    ``opened_at`` None: the form is being opened, not submitted, so there is no step to compare.
    """
    if with_staff:
        return WITH_STAFF
    if not active or not in_block(snapshot.state):
        return NOT_NOW
    if opened_at is not None and opened_at != snapshot.step:
        return STALE
    return None


def prefill(snapshot: Snapshot) -> dict[str, str]:
    """The answers the form's questions already have, as the form shows them (the chat asked some)."""
    answers = Answers.model_validate(snapshot.answers)
    out: dict[str, str] = {}
    for qid in FIELDS:
        if qid not in snapshot.history:
            continue
        value = getattr(answers, Q.BY_ID[qid].field)
        if value is None:
            continue
        out[qid] = money_text(value) if isinstance(value, Decimal) else str(value)
    return out


def money_text(value: Decimal) -> str:
    """An amount as a person would type it into the form (no "$", no thousands separator)."""
    return f"{value:.2f}" if value != value.to_integral_value() else f"{int(value)}"

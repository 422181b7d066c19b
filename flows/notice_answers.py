"""From a notice the person confirmed to the screening's answers: which questions it answers.

The letter reader (flows/notices.py) says what a photo shows; the person confirms it with a
button, and only then does anything reach the answers. The confirmed fields travel in the
button itself (``letter:<letter>:<yyyymmdd>:<amount>``), so nothing read from a photo is
kept anywhere before the person says it is right; and because a button's data comes from
the person's client, every field goes through the same readers and validation as a typed
answer and is dropped, not trusted, when it does not pass.

What a confirmed notice answers:

* ``debt_scope``: an IRS notice means a federal debt (someone who said "state only" owes
  both); an answer of federal or both stands;
* ``latest_letter`` and ``letter_date``: the notice itself, over what was answered before
  (the paper in their hand is the better source);
* ``balance``: the amount due, when the question is still open. A notice covers the periods
  it lists, and someone who already gave their total knows it better. A CP2000 proposes a
  change to a return and is not a bill, so its amount is never taken as what is owed.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

from flows import questions as Q
from flows.answers import Answers, DebtScope, Letter
from flows.notices import NoticeReading
from flows.parsing import ParseError

PREFIX = "letter"  # the confirm button's command: "cmd:letter:<letter>:<yyyymmdd|->:<amount|->"
DECLINED = "letter_no"  # "No, not quite": the questions as usual
NONE = "-"
_AMOUNT = re.compile(r"\d{1,9}(\.\d{2})?")
_DAY = re.compile(r"\d{8}")


def confirm_value(reading: NoticeReading) -> str | None:
    """The confirm button's command for a reading the screening can use; None when it cannot."""
    if reading.letter is None or reading.letter is Letter.NONE:
        return None
    day = reading.notice_date.strftime("%Y%m%d") if reading.notice_date is not None else NONE
    owed = owed_on(reading)
    amount = f"{owed:.2f}" if owed is not None else NONE
    return f"{PREFIX}:{reading.letter.value}:{day}:{amount}"


def owed_on(reading: NoticeReading) -> Decimal | None:
    """The amount the notice says is due, when it is a bill (a CP2000 is a proposal, not a bill)."""
    if reading.letter is Letter.CP2000:
        return None
    return reading.amount_due


def facts(arg: str) -> dict[str, str] | None:
    """A confirm button's fields (after ``letter:``) as raw answers by question id; None when malformed."""
    parts = arg.split(":")
    if len(parts) != 3:
        return None
    letter, day, amount = parts
    if letter not in {v.value for v in Letter} or letter == Letter.NONE.value:
        return None
    found = {"debt_scope": DebtScope.FEDERAL.value, "latest_letter": letter}
    if day != NONE:
        if not _DAY.fullmatch(day):
            return None
        found["letter_date"] = f"{day[:4]}-{day[4:6]}-{day[6:]}"
    if amount != NONE:
        if not _AMOUNT.fullmatch(amount) or letter == Letter.CP2000.value:
            return None
        found["balance"] = amount
    return found


def fill(
    answers: Answers, history: list[str], found: dict[str, str], lang: str, today: date
) -> tuple[Answers, list[str], list[str]]:
    """The answers with what the notice answers, the history with those questions, and their ids.

    Works on a copy; a field that does not pass its question's checks (a date in the future,
    an amount out of range) is left for the question to ask.
    """
    answers = answers.model_copy()
    history = list(history)
    filled: list[str] = []
    for q in Q.QUESTIONS:
        raw = found.get(q.id)
        if raw is None:
            continue
        value = wanted(q, raw, answers, history, lang, today)
        if value is None:
            continue
        if not q.relevant(Q.Facts(answers)):
            continue
        Q.store(q, value, answers)
        history = [qid for qid in history if qid != q.id] + [q.id]
        filled.append(q.id)
    history, _ = Q.settle(answers, history)
    return answers, history, [qid for qid in filled if qid in history]


def wanted(q: Q.Question, raw: str, answers: Answers, history: list[str], lang: str, today: date) -> Any:
    """The value to store for ``q`` from the notice, or None to leave the question as it is."""
    if q.id == "debt_scope":
        if answers.debt_scope is None or q.id not in history:
            return DebtScope.FEDERAL.value
        return DebtScope.BOTH.value if answers.debt_scope is DebtScope.STATE else None
    if q.id == "balance" and q.id in history:
        return None
    try:
        return Q.read_answer(q, raw, answers, lang, today, button=True)  # a button's value, read strictly
    except (ParseError, ValueError):
        return None

"""Answers in plain words: each with its question's short label and its value as a person reads it.

Why one module: the review ("Your answers so far"), the confirmation of a value read
out of a sentence and /mydata all show answers, and a person must see the same
"Latest IRS letter: CP14 (first bill)" in each, never a stored key such as
"latest_letter: cp14". The texts returned here are plain; callers escape them
for HTML.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from flows import questions as Q
from flows.answers import Answers
from flows.catalogue import t
from flows.render import format_date, format_money


def value_text(q: Q.Question, answers: Answers, lang: str) -> str:
    """One answer's value as the review shows it ("$52,000", "yes", "not sure", a choice's label)."""
    if q.id == "penalty_amount" and answers.penalty_unknown:
        return t("conv.value.unsure", lang)
    value: Any = getattr(answers, q.field)
    if value is None:
        return t("conv.value.unsure", lang)
    if q.kind is Q.Kind.YES_NO:
        return t("conv.value.yes" if value else "conv.value.no", lang)
    if q.kind is Q.Kind.CHOICE:
        return t(q.option_id(str(value)), lang)
    if q.kind is Q.Kind.MONEY:
        return format_money(value, lang)
    if q.kind is Q.Kind.DATE:
        return format_date(value, lang)
    return str(value)


def answered_questions(answers: Answers) -> list[str]:
    """The questions whose answers are stored, in table order (for a reader without the history)."""
    return [q.id for q in Q.QUESTIONS if any(getattr(answers, name) is not None for name in q.fields)]


def describe(answers: Answers, lang: str, answered: Iterable[str] | None = None) -> list[tuple[str, str]]:
    """(label, value) for each answered question, in the order the questions are asked.

    ``answered`` is the conversation's history where there is one (a "not sure" is stored
    as nothing, and only the history says it was answered); without it, every question
    with a stored value.
    """
    ids = set(answered_questions(answers) if answered is None else answered)
    return [(t(q.label_id, lang), value_text(q, answers, lang)) for q in Q.QUESTIONS if q.id in ids]

"""Relevance is judged once per state of the answers and reused; these tests guard what makes that safe."""

from __future__ import annotations

import random
import types
import typing
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any

from flows import questions as Q
from flows.answers import Answers, DebtScope
from flows.machine import Conversation
from flows.types import Snapshot

from .conftest import TODAY

_MONEY = [Decimal(0), Decimal(500), Decimal(9000), Decimal(10000), Decimal(60000), Decimal(250000)]


def _values(annotation: Any) -> list[Any]:
    """None plus a few valid values of one Answers field, around the limits the rules look at."""
    (kind,) = [a for a in typing.get_args(annotation) if a is not types.NoneType]
    if kind is bool:
        options: list[Any] = [True, False]
    elif kind is int:
        options = [1, 2, 4]
    elif kind is Decimal:
        options = _MONEY
    elif kind is date:
        options = [date(2026, 11, 1)]
    else:
        assert issubclass(kind, Enum), kind
        options = list(kind)
    return [None, *options]


VALUES = {name: _values(field.annotation) for name, field in Answers.model_fields.items()}


def random_answers(rng: random.Random) -> Answers:
    # Mostly federal: that is where nearly every question can become relevant.
    values = {name: rng.choice(options) for name, options in VALUES.items()}
    if rng.random() < 0.8:
        values["debt_scope"] = rng.choice([DebtScope.FEDERAL, DebtScope.BOTH])
    return Answers(**values)


def reference_settle(answers: Answers, answered: list[str]) -> list[str]:
    """settle() as first written: every answered question judged on the answers as they are then."""
    dropped = set()
    for q in Q.QUESTIONS:
        if q.id in answered and not q.relevant(Q.Facts(answers)):
            Q.clear(q, answers)
            dropped.add(q.id)
    return [qid for qid in answered if qid not in dropped]


def test_relevance_only_looks_backwards() -> None:
    """The rule the table is built on: a question's relevance ignores its own and later answers."""
    rng = random.Random(7)
    for _ in range(300):
        answers = random_answers(rng)
        for i, q in enumerate(Q.QUESTIONS):
            before = q.relevant(Q.Facts(answers))
            changes = {
                name: rng.choice(VALUES[name]) for later_q in Q.QUESTIONS[i:] for name in later_q.fields
            }
            later = answers.model_copy(update=changes)
            assert q.relevant(Q.Facts(later)) == before, q.id


def test_settle_drops_what_the_first_pass_dropped_and_judges_the_settled_answers() -> None:
    rng = random.Random(11)
    for _ in range(500):
        answers = random_answers(rng)
        answered = rng.sample(list(Q.BY_ID), rng.randint(0, len(Q.QUESTIONS)))
        expected_answers = answers.model_copy()
        expected = reference_settle(expected_answers, answered)

        history, relevant = Q.settle(answers, answered)

        assert history == expected
        assert answers == expected_answers
        assert relevant == tuple(q.relevant(Q.Facts(answers)) for q in Q.QUESTIONS)


def test_next_question_and_remaining_read_the_judged_relevance() -> None:
    rng = random.Random(13)
    for _ in range(300):
        answers = random_answers(rng)
        answered = rng.sample(list(Q.BY_ID), rng.randint(0, len(Q.QUESTIONS)))
        open_ = [q for q in Q.QUESTIONS if q.id not in answered and q.relevant(Q.Facts(answers))]
        relevant = Q.relevance(answers)
        assert Q.next_question(relevant, answered) == (open_[0] if open_ else None)
        assert Q.remaining(relevant, answered) == len(open_)


def test_a_conversation_judges_new_answers_again() -> None:
    conv = Conversation(Snapshot(state="balance", answers={"debt_scope": "state"}), TODAY)
    assert conv.relevant() == Q.relevance(conv.answers)
    conv.answers = Answers(debt_scope=DebtScope.FEDERAL, balance=Decimal(5000))
    assert conv.relevant() == Q.relevance(conv.answers)
    assert conv.relevant()[Q.ORDER["can_pay_180"]]

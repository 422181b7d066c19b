"""answers_open_question(): does a reply typed after a break answer the question on screen?"""

from __future__ import annotations

from datetime import date

import pytest

from flows import engine
from flows.screening import answers_open_question
from flows.types import InputKind, Snapshot, UserInput

TODAY = date(2026, 11, 20)


def _at(state: str, lang: str = "en", **answers: object) -> Snapshot:
    history = ["debt_scope", "balance"] if state != "debt_scope" else []
    base: dict[str, object] = {"debt_scope": "federal", "balance": "20000"} if history else {}
    return Snapshot(state=state, lang=lang, history=history, answers={**base, **answers}, step=len(history))


@pytest.mark.parametrize(
    ("state", "lang", "typed", "answers"),
    [
        ("all_returns_filed", "en", "yes", True),
        ("all_returns_filed", "en", "no, not yet", True),
        ("all_returns_filed", "es", "sí, claro", True),
        ("all_returns_filed", "en", "hi, I'm back", False),
        ("all_returns_filed", "en", "hello", False),
        ("monthly_payment", "en", "$600", True),
        ("monthly_payment", "en", "like 600 a month", True),
        ("monthly_payment", "en", "what was the question?", False),
        ("penalty_amount", "en", "not sure", True),  # the question offers "Not sure"
        ("penalty_amount", "en", "50000", False),  # more than the balance: refused, not an answer
        ("debt_scope", "en", "the irs", True),
        ("debt_scope", "en", "2", True),
        ("debt_scope", "en", "where were we", False),
        ("letter_date", "en", "I got it 10 days ago", True),
        ("letter_date", "es", "hola de nuevo", False),
    ],
)
def test_typed_text_answers_the_question_on_screen_or_not(
    state: str, lang: str, typed: str, answers: bool
) -> None:
    snapshot = _at(state, lang, **({"latest_letter": "final_notice"} if state == "letter_date" else {}))
    assert answers_open_question(snapshot, UserInput(InputKind.TEXT, typed), TODAY) is answers


def test_what_says_true_is_accepted_by_the_screening_and_what_says_false_is_not() -> None:
    snapshot = _at("monthly_payment")
    for typed in ("like 600 a month", "what was the question?"):
        verdict = answers_open_question(snapshot, UserInput(InputKind.TEXT, typed), TODAY)
        assert engine.handle(snapshot, UserInput(InputKind.TEXT, typed), TODAY).accepted is verdict


@pytest.mark.parametrize(
    ("snapshot", "user_input"),
    [
        (Snapshot(state="review", history=["debt_scope"]), UserInput(InputKind.TEXT, "yes")),
        (Snapshot(state="done", history=["debt_scope"]), UserInput(InputKind.TEXT, "yes")),
        (Snapshot(state="new"), UserInput(InputKind.TEXT, "yes")),
        (Snapshot(state="debt_scope"), UserInput(InputKind.TEXT, "/back")),
        (Snapshot(state="debt_scope"), UserInput(InputKind.TEXT, "   ")),
        (Snapshot(state="debt_scope"), UserInput(InputKind.BUTTON, "federal", 0)),
        (Snapshot(state="debt_scope"), UserInput(InputKind.COMMAND, "review")),
    ],
)
def test_outside_a_question_or_not_typed_is_never_an_answer(
    snapshot: Snapshot, user_input: UserInput
) -> None:
    assert answers_open_question(snapshot, user_input, TODAY) is False


def test_it_changes_nothing() -> None:
    snapshot = _at("monthly_payment")
    before = snapshot.model_dump_json()
    answers_open_question(snapshot, UserInput(InputKind.TEXT, "600"), TODAY)
    assert snapshot.model_dump_json() == before

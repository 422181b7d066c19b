"""The reminder says what is really left: the questions ahead on the shortest way, and their time."""

from __future__ import annotations

from datetime import date

from flows import engine
from flows.reminder import remaining, reminder
from flows.types import InputKind, Snapshot, UserInput

TODAY = date(2026, 11, 25)


def walk(*replies: str) -> Snapshot:
    result = engine.start("en")
    for reply in replies:
        buttons = {b.label: b.value for m in result.messages for row in m.buttons for b in row}
        if reply in buttons:
            ui = UserInput(InputKind.BUTTON, buttons[reply], result.snapshot.step)
        else:
            ui = UserInput(InputKind.TEXT, reply)
        result = engine.handle(result.snapshot, ui, TODAY)
        assert result.accepted, reply
    return result.snapshot


def test_left_at_the_second_question_of_the_short_path_it_counts_what_is_ahead() -> None:
    snapshot = walk("The IRS (federal)")
    ahead = remaining(snapshot)
    assert ahead[0] == "balance"
    # The shortest way from here is the short-term path: 8 questions in all, one answered.
    assert len(ahead) == 7
    text = reminder(snapshot, "en").plain
    assert "7 questions to go, about 2 minutes" in text  # 1 typed (20 s) + 6 taps (60 s) = 80 s
    assert "couple" not in text


def test_one_question_left_is_said_in_the_singular() -> None:
    snapshot = walk(
        "The IRS (federal)", "$8,000", "Personal (Form 1040)", "Yes", "No letter yet", "No", "None / $0"
    )
    assert remaining(snapshot) == ["can_pay_180"]
    assert "1 question to go, about 1 minute" in reminder(snapshot, "en").plain


def test_in_the_review_it_says_one_tap_is_left() -> None:
    snapshot = walk("The IRS (federal)", "$8,000")
    snapshot = engine.handle(snapshot, UserInput(InputKind.COMMAND, "review", snapshot.step), TODAY).snapshot
    assert snapshot.state == "review"
    assert "one tap and you see your plan" in reminder(snapshot, "en").plain


def test_spanish_and_the_continue_button() -> None:
    message = reminder(walk("The IRS (federal)"), "es")
    assert "Pendiente: 7 preguntas, alrededor de 2 minutos" in message.plain
    assert [(b.label, b.value) for row in message.buttons for b in row] == [("▶️ Continuar", "cmd:resume")]


def test_a_state_the_screening_does_not_know_reminds_without_a_count() -> None:
    text = reminder(Snapshot(state="colour", step=3), "en").plain
    assert "partway through" in text and "to go" not in text

"""Back, restart, review-and-change, stale buttons, wrong answers: the conversation's controls."""

from __future__ import annotations

import pytest

from flows import engine
from flows.machine import Conversation
from flows.plan import Program
from flows.questions import QUESTIONS
from flows.types import Button, InputKind, Snapshot, UserInput

from .conftest import TODAY, Chat
from .test_conversation import FEDERAL, PERSONAL, short_term_payer

BACK = "⬅ Back"


# ---------------------------------------------------------------- back


def test_only_questions_after_the_first_offer_back(chat: Chat) -> None:
    assert BACK not in chat.labels
    chat.answer(*FEDERAL)
    assert chat.labels == [BACK]
    assert chat.button(BACK).value == "cmd:back"


def test_back_reopens_the_previous_question_and_forgets_its_answer(chat: Chat) -> None:
    chat.script(FEDERAL, ("balance", "8000"))
    assert chat.question == "taxpayer_kind"

    chat.press(BACK)

    assert chat.question == "balance"
    assert "How much do you owe the IRS in total?" in chat.text
    assert "balance" not in chat.answers and chat.snapshot.history == ["debt_scope"]
    assert [e.kind for e in chat.result.events] == ["back", "entered"]
    chat.answer("balance", "9000")
    assert chat.question == "taxpayer_kind" and chat.answers["balance"] == "9000"


def test_typed_back_command_works_like_the_button(chat: Chat) -> None:
    chat.script(FEDERAL, ("balance", "8000"))
    chat.command("back")
    assert chat.question == "balance"


def test_slash_back_typed_as_text_is_still_a_command(chat: Chat) -> None:
    chat.script(FEDERAL, ("balance", "8000"))
    chat.say("/back")
    assert chat.question == "balance"


def test_back_at_the_first_question_changes_nothing(chat: Chat) -> None:
    before = chat.snapshot
    result = chat.command("back")
    assert not result.accepted
    assert result.snapshot is before
    assert "nothing to go back to" in chat.text
    assert chat.question == "debt_scope" and chat.labels[:3] == ["The IRS (federal)", "My state only", "Both"]


def test_back_after_the_result_reopens_the_last_question(chat: Chat) -> None:
    short_term_payer(chat)
    chat.command("back")
    assert chat.question == "can_pay_180"
    assert not chat.result.finished
    chat.answer("can_pay_180", "Yes")
    assert chat.result.finished


def test_back_over_a_branch_point_forgets_the_branch(chat: Chat) -> None:
    chat.script(FEDERAL, ("balance", "20000"), PERSONAL, ("all_returns_filed", "No"), ("unfiled_years", "3"))
    chat.command("back")  # unfiled_years
    chat.command("back")  # all_returns_filed
    assert chat.question == "all_returns_filed"
    assert "unfiled_years" not in chat.answers and "all_returns_filed" not in chat.answers
    chat.answer("all_returns_filed", "Yes")
    assert chat.question == "latest_letter"


# ---------------------------------------------------------------- restart


def test_restart_clears_everything(chat: Chat) -> None:
    chat.script(FEDERAL, ("balance", "8000"), PERSONAL)
    chat.command("restart")
    assert chat.question == "debt_scope"
    assert chat.answers == {} and chat.snapshot.history == []
    assert "Starting over" in chat.text
    assert BACK not in chat.labels
    assert [e.kind for e in chat.result.events] == ["restart", "entered"]


def test_restart_after_the_result(chat: Chat) -> None:
    short_term_payer(chat)
    chat.say("thanks!")
    assert not chat.result.accepted
    assert "review your answers or start over" in chat.text
    chat.press("Start over")
    assert chat.question == "debt_scope" and chat.answers == {}


# ---------------------------------------------------------------- review and change


def test_review_lists_every_answer_with_a_change_button(chat: Chat) -> None:
    short_term_payer(chat)
    chat.command("review")
    review = chat.messages[-1]
    assert review.kind == "review"
    assert "• Federal balance: $8,000" in review.plain
    assert "• Latest IRS letter: No letter yet" in review.plain
    assert "<b>$8,000</b>" in review.html
    values = [b.value for b in chat.buttons]
    assert values[:2] == ["change:debt_scope", "change:balance"]
    assert values[-1] == "cmd:continue"
    assert all(len(v) <= 24 and v.isascii() for v in values)


def test_continue_from_a_midway_review_returns_to_the_open_question(chat: Chat) -> None:
    chat.script(FEDERAL, ("balance", "8000"))
    chat.command("review")
    chat.say("hello")
    assert not chat.result.accepted and "Tap an answer below" in chat.text
    chat.press("Continue")
    assert chat.question == "taxpayer_kind"


def test_a_change_asks_only_the_questions_it_makes_relevant_then_shows_the_result(chat: Chat) -> None:
    short_term_payer(chat)
    chat.command("review")
    chat.press("✏️ Can pay within 180 days")
    assert chat.question == "can_pay_180"
    assert "Now: yes" in chat.text
    asked_before = len(chat.asked)

    chat.script(
        ("can_pay_180", "No"),
        ("current_year", "Yes"),
        ("in_bankruptcy", "No"),
        ("monthly_payment", "300"),
        ("prior_plans", "No"),
        ("hardship", "None of these"),
        ("filing_status", "Single"),
        ("combat_zone", "No"),
    )
    assert chat.asked[asked_before:] == [
        "current_year",
        "in_bankruptcy",
        "monthly_payment",
        "prior_plans",  # $8,000 at $300 a month fits the guaranteed plan: its 5-year history decides it
        "hardship",
        "filing_status",
        "combat_zone",
    ]
    assert chat.result.finished
    assert chat.result.plan.programs()[0] != Program.short_term_plan
    assert "changed" in [e.kind for e in chat.results[-8].events]


def test_a_change_that_opens_nothing_goes_straight_back_to_the_result(chat: Chat) -> None:
    short_term_payer(chat)
    chat.command("review")
    chat.press("✏️ Federal balance")
    chat.answer("balance", "9,500")
    assert chat.result.finished
    assert chat.answers["balance"] == "9500"


def test_answers_made_irrelevant_by_a_change_are_dropped(chat: Chat) -> None:
    chat.script(
        FEDERAL,
        ("balance", "20000"),
        PERSONAL,
        ("all_returns_filed", "No"),
        ("unfiled_years", "3"),
        ("latest_letter", "No letter yet"),
        ("disputes_amount", "No"),
        ("penalty_amount", "None / $0"),
        ("can_pay_180", "Yes"),
    )
    assert Program.file_returns in chat.result.plan.programs()
    chat.command("review")
    chat.press("✏️ All returns filed")
    chat.answer("all_returns_filed", "Yes")
    assert chat.result.finished
    assert "unfiled_years" not in chat.answers and "unfiled_years" not in chat.snapshot.history
    assert Program.file_returns not in chat.result.plan.programs()


def test_raising_the_balance_over_100k_drops_the_180_day_answer(chat: Chat) -> None:
    short_term_payer(chat)
    chat.command("review")
    chat.press("✏️ Federal balance")
    chat.answer("balance", "150k")
    assert "can_pay_in_180_days" not in chat.answers
    assert chat.question == "current_year"


def test_back_while_changing_returns_to_the_review_unchanged(chat: Chat) -> None:
    short_term_payer(chat)
    chat.command("review")
    chat.press("✏️ Federal balance")
    chat.press(BACK)
    assert chat.question == "review"
    assert chat.answers["balance"] == "8000"
    assert chat.snapshot.returning_to is None


def test_continue_from_the_review_after_the_result_shows_the_result_again(chat: Chat) -> None:
    short_term_payer(chat)
    chat.command("review")
    chat.press("Continue")
    assert chat.result.finished and "Short-term payment plan" in chat.text


# ---------------------------------------------------------------- stale buttons


def test_a_button_from_an_earlier_question_is_stale(chat: Chat) -> None:
    old_step = chat.snapshot.step
    old_value = chat.button("Both").value
    chat.answer(*FEDERAL)
    before = chat.snapshot

    result = chat.send(UserInput(InputKind.BUTTON, old_value, old_step))

    assert not result.accepted and result.snapshot is before
    assert "That button is from an earlier question" in chat.text
    assert chat.messages[-1].question_id == "balance"
    assert [e.kind for e in result.events] == ["stale"]


def test_an_old_back_button_is_stale_too(chat: Chat) -> None:
    chat.answer(*FEDERAL)
    old_step = chat.snapshot.step
    chat.answer("balance", "8000")
    result = chat.send(UserInput(InputKind.COMMAND, "back", old_step))
    assert not result.accepted and chat.question == "taxpayer_kind"


def test_a_change_button_from_a_review_that_was_left_is_stale(chat: Chat) -> None:
    short_term_payer(chat)
    chat.command("review")
    change = chat.button("✏️ Federal balance")
    chat.press("Continue")
    result = chat.send(UserInput(InputKind.BUTTON, change.value, chat.snapshot.step))
    assert not result.accepted
    assert "earlier question" in chat.text


# ---------------------------------------------------------------- wrong answers, every answer type


def _at(question_id: str) -> Chat:
    chat = Chat()
    steps = {
        "debt_scope": [],
        "balance": [FEDERAL],
        "unfiled_years": [FEDERAL, ("balance", "20000"), PERSONAL, ("all_returns_filed", "No")],
        "penalty_amount": [
            FEDERAL,
            ("balance", "20000"),
            PERSONAL,
            ("all_returns_filed", "Yes"),
            ("latest_letter", "No letter yet"),
            ("disputes_amount", "No"),
        ],
        "letter_date": [
            FEDERAL,
            ("balance", "20000"),
            PERSONAL,
            ("all_returns_filed", "Yes"),
            ("latest_letter", "CP2000 (proposed change)"),
        ],
        "all_returns_filed": [FEDERAL, ("balance", "20000"), PERSONAL],
    }[question_id]
    chat.script(*steps)
    assert chat.question == question_id
    return chat


@pytest.mark.parametrize(
    ("question_id", "reply", "says", "example"),
    [
        ("debt_scope", "banana", "isn't one of the options", "for example 1"),
        ("debt_scope", "7", "number from 1 to 3", "for example 1"),
        ("all_returns_filed", "perhaps", "didn't catch a yes or a no", "yes or no"),
        ("balance", "lots", "couldn't read that as an amount", "for example 8,000"),
        ("balance", "-500", "can't be negative", "for example 8,000"),
        ("balance", "$200,000,000", "more than $100,000,000", "for example 8,000"),
        ("balance", "0", "more than $0", "for example 8,000"),
        ("penalty_amount", "25000", "more than the whole balance ($20,000)", "for example 8,000"),
        ("unfiled_years", "a lot", "couldn't read that as a number", "for example 3"),
        ("unfiled_years", "forty", "between 1 and 30", "for example 3"),  # a number word is a number
        ("unfiled_years", "40", "between 1 and 30", "for example 3"),
        ("letter_date", "the other day", "couldn't read that as a date", "for example yesterday"),
        ("letter_date", "next week", "in the future", "for example yesterday"),
        ("letter_date", "12/25/2026", "in the future", "for example yesterday"),
        ("letter_date", "1999-05-01", "before 2000", "for example yesterday"),
    ],
)
def test_a_wrong_answer_changes_nothing_and_says_what_is_expected(
    question_id: str, reply: str, says: str, example: str
) -> None:
    chat = _at(question_id)
    before = chat.snapshot
    before_json = before.model_dump_json()
    shown_buttons = chat.labels

    result = chat.say(reply)

    assert not result.accepted
    assert result.snapshot is before and result.snapshot.model_dump_json() == before_json
    assert len(result.messages) == 1 and result.messages[0].kind == "error"
    assert says in chat.text
    assert example in chat.text
    assert chat.labels == shown_buttons, "the question's buttons stay at hand"
    assert [e.kind for e in result.events] == ["invalid"]


def test_spanish_re_prompts_are_in_spanish(chat_es: Chat) -> None:
    chat_es.answer("debt_scope", "Al IRS (federal)")
    chat_es.say("muchísimo")
    assert not chat_es.result.accepted
    assert "No pude leer eso como una cantidad" in chat_es.text and "por ejemplo" in chat_es.text


@pytest.mark.parametrize("reply", ["y", "yeah", "Yes!", "sí", "si"])
def test_yes_can_be_typed_many_ways(reply: str) -> None:
    chat = _at("all_returns_filed")
    chat.answer("all_returns_filed", reply)
    assert chat.answers["all_returns_filed"] is True


@pytest.mark.parametrize("reply", ["no", "nope", "n"])
def test_no_can_be_typed_many_ways(reply: str) -> None:
    chat = _at("all_returns_filed")
    chat.answer("all_returns_filed", reply)
    assert chat.answers["all_returns_filed"] is False and chat.question == "unfiled_years"


@pytest.mark.parametrize("reply", ["3", "Both", "both", "ambos"])
def test_choices_accept_their_number_or_label(reply: str) -> None:
    chat = Chat()
    chat.answer("debt_scope", reply)
    assert chat.answers["debt_scope"] == "both"


def test_letters_can_be_typed_by_their_number(chat: Chat) -> None:
    chat.script(FEDERAL, ("balance", "20000"), PERSONAL, ("all_returns_filed", "Yes"))
    chat.answer("latest_letter", "LT11")
    assert chat.answers["latest_letter"] == "final_notice"


def test_not_sure_about_penalties_is_recorded_and_asks_about_history() -> None:
    chat = _at("penalty_amount")
    assert chat.labels == ["None / $0", "Not sure", BACK]
    chat.press("Not sure")
    assert chat.answers["penalty_unknown"] is True
    assert chat.question == "prior_penalties"


# ---------------------------------------------------------------- the rest of the API


def test_unknown_command_is_explained(chat: Chat) -> None:
    result = chat.command("dance")
    assert not result.accepted and "/back" in chat.text and chat.question == "debt_scope"


def test_current_prompt_shows_the_open_question_again(chat: Chat) -> None:
    chat.answer(*FEDERAL)
    [prompt] = engine.current_prompt(chat.snapshot)
    assert prompt.question_id == "balance" and prompt.kind == "question"
    assert prompt.buttons == ((Button(BACK, "cmd:back"),),)


def test_progress_counts_answers_against_an_estimate_that_says_n_of_n_at_the_end(chat: Chat) -> None:
    assert chat.result.progress == (0, 8)  # the short-term path is the shortest federal one
    short_term_payer(chat)
    progress = [r.progress for r in chat.results]
    assert progress == [(n, 8) for n in range(9)]


def test_the_step_counter_moves_only_on_accepted_input(chat: Chat) -> None:
    assert chat.snapshot.step == 0
    chat.answer(*FEDERAL)
    assert chat.snapshot.step == 1
    chat.say("lots")
    assert chat.snapshot.step == 1


def test_every_button_value_fits_callback_data() -> None:
    for q in QUESTIONS:
        conv = Conversation(Snapshot(state=q.id, history=["debt_scope"]), TODAY)
        for row in conv.buttons(q):
            for b in row:
                assert b.value.isascii() and len(b.value) <= 24, b
        assert len("change:" + q.id) <= 24

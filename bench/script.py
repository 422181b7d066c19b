"""What a simulated person types and taps, and how to tell the bot has finished answering each input.

The screening script is derived from flows/ itself: the engine is run locally with a fixed set of
answers, so the script follows the real question order and each step knows the question the bot must
ask next. A person sends the next input only once that question arrived, like a human would; a step
is "handled" when its last expected message is there, which works the same in polling and webhook
mode. The path chosen is the long one (owes $42k, cannot pay in 180 days, hardship, full financial
block): 38 updates, buttons and typed amounts mixed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from flows import engine
from flows.catalogue import t
from flows.types import InputKind, OutMessage, UserInput
from tests.fakes.telegram import BotMessage

# question id -> ("b", button value) or ("t", typed text); anything unlisted is typed "1000".
ANSWERS: dict[str, tuple[str, str]] = {
    "debt_scope": ("b", "federal"),
    "balance": ("t", "42000"),
    "taxpayer_kind": ("b", "personal"),
    "all_returns_filed": ("b", "yes"),
    "latest_letter": ("b", "cp504"),
    "letter_date": ("t", "2026-11-01"),
    "levy_started": ("b", "no"),
    "disputes_amount": ("b", "no"),
    "penalty_amount": ("t", "3000"),
    "prior_penalties": ("b", "no"),
    "can_pay_180": ("b", "no"),
    "current_year": ("b", "yes"),
    "in_bankruptcy": ("b", "no"),
    "monthly_payment": ("t", "300"),
    "hardship": ("b", "job_loss"),
    "filing_status": ("b", "single"),
    "combat_zone": ("b", "no"),
    "residence": ("b", "contiguous"),
    "household_size": ("t", "2"),
    "members_65": ("t", "0"),
    "monthly_income": ("t", "3500"),
    "vehicle_count": ("t", "1"),
    "earliest_year": ("t", "2022"),
    "prior_plans": ("b", "no"),
}


@dataclass(frozen=True)
class Step:
    kind: str  # "text" or "button"
    value: str  # the text, or the button's value (the part of callback data after "<step>|")
    done: Callable[[BotMessage], bool]  # the bot finished handling this input once such a message arrived


def _ends_with(html: str) -> Callable[[BotMessage], bool]:
    return lambda message: message.html.endswith(html)


def screening_script(today: date | None = None) -> list[Step]:
    today = today or date(2026, 11, 25)
    result = engine.start("en")
    steps: list[Step] = []
    last: OutMessage = result.messages[-1]
    steps.append(Step("text", "/start", _ends_with(last.html)))
    for _ in range(80):  # bounded: the long path has 33 answers
        if result.finished:
            break
        question = [m for m in result.messages if m.kind == "question"][-1]
        kind, value = ANSWERS.get(question.question_id or "", ("t", "1000"))
        snapshot = result.snapshot
        if kind == "b":
            user_input = UserInput(InputKind.BUTTON, value, step=snapshot.step)
        else:
            user_input = UserInput(InputKind.TEXT, value)
        result = engine.handle(snapshot, user_input, today)
        if not result.accepted:
            raise RuntimeError(f"the bench script's answer {value!r} to {question.question_id} was refused")
        # The plan's step ends with the consent offer the conversation sends after the summary (whose
        # text carries the firm's call to action): done when that offer, the step's last message, is there.
        done = _offers_consent() if result.finished else _ends_with(result.messages[-1].html)
        steps.append(Step("button" if kind == "b" else "text", value, done))
    if not result.finished:
        raise RuntimeError("the bench script did not reach a plan")
    return steps


def _offers_consent() -> Callable[[BotMessage], bool]:
    agree = t("leads.consent.accept", "en")
    return lambda message: agree in message.buttons


def _text_is(expected: str) -> Callable[[BotMessage], bool]:
    return lambda message: message.text == expected


def echo_script(screening: list[Step]) -> list[Step]:
    """The same inputs for the echo bot: texts are echoed, every button press is its "go" button."""
    steps = []
    for step in screening:
        if step.kind == "text":
            steps.append(Step("text", step.value, _text_is(f"echo: {step.value}")))
        else:
            steps.append(Step("button", "go", _text_is("echo: go")))
    return steps

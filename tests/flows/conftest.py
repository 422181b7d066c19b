"""A scripted user for the screening: reads like the chat, persists like the bot.

Every step goes through a JSON round trip of the Snapshot (model_dump_json /
model_validate_json), exactly what the bot's database does, so every
conversation test also tests persistence.
"""

from __future__ import annotations

from datetime import date

import pytest

from flows import engine
from flows import questions as Q
from flows.answers import Answers
from flows.render import render_plan
from flows.types import Button, InputKind, OutMessage, Snapshot, StepResult, UserInput

TODAY = date(2026, 11, 20)


def roundtrip(snapshot: Snapshot) -> Snapshot:
    restored = Snapshot.model_validate_json(snapshot.model_dump_json())
    assert restored == snapshot, "the snapshot must survive storage unchanged"
    return restored


def honest_progress(before: StepResult, after: StepResult) -> None:
    """On every answer a test gives, the progress line stays honest (tests/flows/test_progress.py):
    the last question said "n of n", and the estimate only took in questions after the one answered."""
    question = before.snapshot.state
    fresh = question in Q.BY_ID and question not in before.snapshot.history
    if not (after.accepted and fresh and any(e.kind == "answered" for e in after.events)):
        return
    answered = len(before.snapshot.history)
    if after.finished:
        if question == Q.FIRST:
            return  # a state-only debt ends at once; the first question counts the federal path (ASSUMED)
        said = before.progress
        assert said == (answered, answered + 1), f"{question}: the last question said {said}"
        return

    def counted(r: StepResult) -> set[str]:
        answers = Answers.model_validate(r.snapshot.answers)
        return set(r.snapshot.history) | set(Q.projected(answers, r.snapshot.history))

    opened = counted(after) - counted(before)
    assert all(Q.ORDER[qid] > Q.ORDER[question] for qid in opened), (question, opened)


class Chat:
    """One person talking to the engine. ``asked`` lists every question shown, in order."""

    def __init__(self, lang: str = "en", today: date = TODAY) -> None:
        self.today = today
        self.asked: list[str] = []
        self.results: list[StepResult] = []
        first = engine.start(lang)
        self._take(first)

    # -------------------------------------------------------------- driving

    def _take(self, result: StepResult) -> StepResult:
        if self.results:
            honest_progress(self.results[-1], result)
        self.result = result
        self.results.append(result)
        self.snapshot = roundtrip(result.snapshot)
        self.asked += [
            e.question_id
            for e in result.events
            if e.kind == "entered" and e.question_id is not None and e.question_id != "review"
        ]
        return result

    def send(self, user_input: UserInput) -> StepResult:
        return self._take(engine.handle(self.snapshot, user_input, self.today))

    def say(self, text: str) -> StepResult:
        return self.send(UserInput(InputKind.TEXT, text))

    def press(self, label: str) -> StepResult:
        """Press the button with this label on the latest message that has buttons."""
        button = self.button(label)
        return self.send(UserInput(InputKind.BUTTON, button.value, self.snapshot.step))

    def command(self, name: str) -> StepResult:
        return self.send(UserInput(InputKind.COMMAND, name))

    def answer(self, question_id: str, reply: str) -> StepResult:
        """Check which question is on screen, then reply (a button label if there is one, else text)."""
        assert self.question == question_id, f"expected {question_id}, got {self.question}: {self.text}"
        labels = [b.label for b in self.buttons]
        result = self.press(reply) if reply in labels else self.say(reply)
        assert result.accepted, f"{question_id}: {reply!r} rejected: {self.text}"
        return result

    def script(self, *steps: tuple[str, str]) -> StepResult:
        for question_id, reply in steps:
            self.answer(question_id, reply)
        return self.result

    # -------------------------------------------------------------- what the user sees

    @property
    def messages(self) -> list[OutMessage]:
        return self.result.messages

    @property
    def text(self) -> str:
        """What the person sees, and, once the plan is shown, every detail its buttons open."""
        return "\n".join(m.plain for m in self.messages + self.plan_details)

    @property
    def html(self) -> str:
        return "\n".join(m.html for m in self.messages + self.plan_details)

    @property
    def plan_details(self) -> list[OutMessage]:
        plan = self.result.plan if self.result.finished else None
        return render_plan(plan, self.snapshot.lang) if plan is not None else []

    @property
    def buttons(self) -> list[Button]:
        for message in reversed(self.messages):
            if message.buttons:
                return [b for row in message.buttons for b in row]
        return []

    @property
    def labels(self) -> list[str]:
        return [b.label for b in self.buttons]

    def button(self, label: str) -> Button:
        for b in self.buttons:
            if b.label == label:
                return b
        raise AssertionError(f"no button {label!r} in {self.labels}")

    @property
    def question(self) -> str:
        return self.snapshot.state

    @property
    def answers(self) -> dict[str, object]:
        return self.snapshot.answers


@pytest.fixture
def chat() -> Chat:
    return Chat()


@pytest.fixture
def chat_es() -> Chat:
    return Chat("es")

"""A two-question engine with the flows/engine.py API, so transport tests do not depend on IRS rules.

Question 1 "name" is free text (echoed back escaped, to test HTML safety); question 2
"color" is a choice with buttons. Step numbers bump on every accepted input, as the
real engine's do.
"""

from __future__ import annotations

import html
from datetime import date

from flows.types import Button, Event, InputKind, OutMessage, Snapshot, StepResult, UserInput

QUESTIONS = ("name", "color")
COLORS = ("red", "blue")


def _question(snapshot: Snapshot) -> list[OutMessage]:
    if snapshot.state == "name":
        return [
            OutMessage(
                html="What is your name?", plain="What is your name?", kind="question", question_id="name"
            )
        ]
    if snapshot.state == "color":
        buttons = ((Button("Red", "red"), Button("Blue", "blue")), (Button("Back", "cmd:back"),))
        return [
            OutMessage(
                html="Pick a colour",
                plain="Pick a colour",
                buttons=buttons,
                kind="question",
                question_id="color",
            )
        ]
    return []


def start(lang: str) -> StepResult:
    snap = Snapshot(state="name", lang=lang)
    return StepResult(snap, _question(snap), [Event("entered", "name")], accepted=True, progress=(0, 2))


def current_prompt(snapshot: Snapshot) -> list[OutMessage]:
    return _question(snapshot)


def _reject(snapshot: Snapshot, why: str) -> StepResult:
    msg = OutMessage(html=html.escape(why), plain=why, kind="error")
    return StepResult(
        snapshot, [msg, *_question(snapshot)], [Event("invalid", snapshot.state)], accepted=False
    )


def handle(snapshot: Snapshot, user_input: UserInput, today: date) -> StepResult:
    if user_input.kind is InputKind.BUTTON and user_input.step != snapshot.step:
        return StepResult(snapshot, [], [Event("stale", snapshot.state)], accepted=False)
    if user_input.kind is InputKind.COMMAND:
        if user_input.value == "restart":
            fresh = start(snapshot.lang)
            fresh.events.insert(0, Event("restart"))
            return fresh
        if user_input.value == "back":
            if not snapshot.history:
                return _reject(snapshot, "Nothing to go back to.")
            history = list(snapshot.history)
            previous = history.pop()
            answers = {k: v for k, v in snapshot.answers.items() if k != previous}
            snap = snapshot.model_copy(
                update={"state": previous, "history": history, "answers": answers, "step": snapshot.step + 1}
            )
            return StepResult(
                snap, _question(snap), [Event("back", previous)], accepted=True, progress=(len(history), 2)
            )
        return _reject(snapshot, f"Unknown command {user_input.value}")
    value = user_input.value.strip()
    if snapshot.state == "name":
        if not value:
            return _reject(snapshot, "Please type your name.")
        snap = snapshot.model_copy(
            update={
                "state": "color",
                "answers": {**snapshot.answers, "name": value},
                "history": [*snapshot.history, "name"],
                "step": snapshot.step + 1,
            }
        )
        return StepResult(
            snap,
            _question(snap),
            [Event("answered", "name"), Event("entered", "color")],
            accepted=True,
            progress=(1, 2),
        )
    if snapshot.state == "color":
        if value.lower() not in COLORS:
            return _reject(snapshot, "Choose red or blue, e.g. red.")
        snap = snapshot.model_copy(
            update={
                "state": "done",
                "answers": {**snapshot.answers, "color": value.lower()},
                "history": [*snapshot.history, "color"],
                "step": snapshot.step + 1,
            }
        )
        name = html.escape(str(snapshot.answers.get("name")))
        result = OutMessage(html=f"Thanks <b>{name}</b>, you like {value.lower()}.", plain="", kind="result")
        return StepResult(
            snap,
            [result],
            [Event("answered", "color"), Event("completed")],
            accepted=True,
            finished=True,
            plan={"programs": ["stub"], "color": value.lower()},
            progress=(2, 2),
        )
    return _reject(snapshot, "The screening is finished.")


def urgency(snapshot: Snapshot, today: date) -> None:
    return None


def plan(snapshot: Snapshot, today: date) -> None:
    return None


def answers_open_question(snapshot: Snapshot, user_input: UserInput, today: date) -> bool:
    return False

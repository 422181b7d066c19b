"""Walk a scripted screening through flows.engine and count the questions it asks.

The short paths must not grow when the rules learn to ask more (issue 14): these
three scripts are the yardstick, and `python -m tests.flows.question_paths` prints
their counts for a closing note or a review.
"""

from __future__ import annotations

from datetime import date

from flows import engine
from flows.types import InputKind, UserInput

TODAY = date(2026, 11, 20)

# Each reply is a button label when the question shows one, else typed text.
PATHS: dict[str, list[str]] = {
    "short-term ($8,000, pays within 180 days)": [
        "The IRS (federal)", "$8,000", "Personal (Form 1040)", "Yes", "No letter yet", "No", "None / $0",
        "Yes",
    ],
    "streamlined ($30,000 at $600 a month)": [
        "The IRS (federal)", "30k", "Personal (Form 1040)", "yes", "CP14 (first bill)", "no", "0", "No",
        "Yes", "No", "$600 a month", "None of these", "Single", "No",
    ],
    "unfiled returns ($20,000, 3 years unfiled, $500 a month)": [
        "The IRS (federal)", "20000", "Personal (Form 1040)", "No", "3", "No letter yet", "No", "None / $0",
        "No", "Yes", "No", "500", "None of these", "Single", "No",
    ],
}  # fmt: skip


def walk(replies: list[str], today: date = TODAY) -> list[str]:
    """The ids of the questions asked, in order, until the plan; fails if a reply is refused."""
    result = engine.start("en")
    asked = [result.snapshot.state]
    for reply in replies:
        snapshot = result.snapshot
        buttons = {b.label: b.value for m in result.messages for row in m.buttons for b in row}
        if reply in buttons:
            user_input = UserInput(InputKind.BUTTON, buttons[reply], snapshot.step)
        else:
            user_input = UserInput(InputKind.TEXT, reply)
        result = engine.handle(snapshot, user_input, today)
        assert result.accepted, f"{snapshot.state}: {reply!r} refused"
        if not result.finished:
            asked.append(result.snapshot.state)
    assert result.finished, f"the script ended at {result.snapshot.state}, before the plan"
    return asked


if __name__ == "__main__":
    for name, replies in PATHS.items():
        print(f"{len(walk(replies)):3d}  {name}")

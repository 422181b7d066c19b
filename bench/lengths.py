"""How long a screening takes on the main paths, and so what the greeting may promise.

Run: `.venv/bin/python -m bench.lengths`. Each path is walked through flows.engine as a
person would answer it (a button label where the question shows one, else typed text),
and its time is estimated with flows/pace.py (what each question asks of the person). The
figure a text may promise is the range of the five main paths in whole minutes, rounded up
(tests/flows/test_time_promise.py holds the texts to it).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import date

from flows import engine, pace
from flows import questions as Q
from flows.pace import TAP_SECONDS, TYPED_KINDS, TYPED_SECONDS, minutes
from flows.plan import Program
from flows.types import InputKind, UserInput

TODAY = date(2026, 11, 20)


@dataclass(frozen=True)
class MainPath:
    name: str
    replies: tuple[str, ...]
    first: Program  # what the plan puts first: proves the path is the one it is named after


MAIN_PATHS: tuple[MainPath, ...] = (
    MainPath(
        "short-term ($8,000, pays within 180 days)",
        ("The IRS (federal)", "$8,000", "Personal (Form 1040)", "Yes", "No letter yet", "No", "None / $0",
         "Yes"),
        Program.short_term_plan,
    ),
    MainPath(
        "streamlined ($30,000 at $600 a month)",
        ("The IRS (federal)", "30k", "Personal (Form 1040)", "yes", "CP14 (first bill)", "no", "0", "No",
         "Yes", "No", "$600 a month", "None of these", "Single", "No"),
        Program.streamlined_ia,
    ),
    MainPath(
        "first-time abatement first ($20,000, $3,000 of penalties, a clean record)",
        ("The IRS (federal)", "20000", "Personal (Form 1040)", "Yes", "CP14 (first bill)", "No", "3000", "No",
         "Yes"),
        Program.first_time_abatement,
    ),
    MainPath(
        "final notice (LT11 ten days ago, $20,000 at $500 a month)",
        ("The IRS (federal)", "20000", "Personal (Form 1040)", "Yes", "LT11 / 1058 / CP90 (final)",
         "10 days ago", "No", "No", "None / $0", "No", "Yes", "No", "500", "None of these", "Single", "No"),
        Program.cdp_hearing,
    ),
    MainPath(
        "offer with full financials ($90,000, $3,000 a month of income)",
        ("The IRS (federal)", "90000", "Personal (Form 1040)", "Yes", "CP14 (first bill)", "No", "None / $0",
         "No", "Yes", "No", "None / $0", "Lost my job", "Single", "No", "Lower 48 states or DC", "1", "0",
         "3000", "200", "1000", "1", "None / $0", "300", "None / $0", "100", "None / $0", "None / $0", "500",
         "None / $0", "3000", "None / $0", "None / $0", "None / $0"),
        Program.oic_collectibility,
    ),
)  # fmt: skip

# Not a main path, shown for the skip it measures: returns unfiled, so every route waits on filing
# and the financial block is not asked (flows/rules/scope.py).
UNFILED = MainPath(
    "unfiled returns ($60,000, 2 years unfiled, nothing to pay each month)",
    ("The IRS (federal)", "60000", "Personal (Form 1040)", "No", "2", "No letter yet", "No", "None / $0",
     "No", "Yes", "No", "None / $0", "Lost my job", "Single", "No", "Lower 48 states or DC", "1", "0",
     "2500", "200", "1400", "0", "None / $0", "100", "None / $0", "None / $0", "500", "None / $0",
     "None / $0", "None / $0"),
    Program.file_returns,
)  # fmt: skip


@dataclass(frozen=True)
class Walked:
    name: str
    questions: list[str]
    typed: int  # questions answered by typing
    seconds: int
    first: Program


def walk(path: MainPath) -> Walked:
    """The questions the path asks until the plan, and its estimated time; fails if a reply is refused."""
    result = engine.start("en")
    asked: list[str] = [result.snapshot.state]
    typed = 0
    for reply in path.replies:
        if result.finished:
            break  # a path the screening ends sooner than the script (the unfiled one, since the skip)
        snapshot = result.snapshot
        buttons = {b.label: b.value for m in result.messages for row in m.buttons for b in row}
        if reply in buttons:
            user_input = UserInput(InputKind.BUTTON, buttons[reply], snapshot.step)
        else:
            user_input = UserInput(InputKind.TEXT, reply)
            typed += 1
        result = engine.handle(snapshot, user_input, TODAY)
        if not result.accepted:
            raise RuntimeError(f"{path.name}: {snapshot.state} refused {reply!r}")
        if not result.finished:
            asked.append(result.snapshot.state)
    if not result.finished or result.plan is None:
        raise RuntimeError(f"{path.name}: ended at {result.snapshot.state}, before the plan")
    # A question shown with buttons may still be typed (the streamlined path types its yes/no):
    # the time counts what the question asks for, not how the script happened to answer it.
    typed_questions = sum(1 for qid in asked if Q.BY_ID[qid].kind in TYPED_KINDS)
    return Walked(path.name, asked, typed_questions, pace.seconds(asked), result.plan.programs()[0])


def promise() -> tuple[int, int]:
    """(shortest, longest) of the main paths in whole minutes, rounded up: what a text may promise."""
    walked = [walk(p) for p in MAIN_PATHS]
    return minutes(min(w.seconds for w in walked)), minutes(max(w.seconds for w in walked))


def main() -> None:
    walked = [walk(p) for p in MAIN_PATHS]
    print(f"seconds per question: {TAP_SECONDS} tapped, {TYPED_SECONDS} typed")
    print(f"{'questions':>9}  {'typed':>5}  {'time':>6}  path")
    for w in walked:
        print(f"{len(w.questions):9d}  {w.typed:5d}  {w.seconds / 60:5.1f}m  {w.name} -> {w.first.value}")
    unfiled = walk(UNFILED)
    print(f"{len(unfiled.questions):9d}  {unfiled.typed:5d}  {unfiled.seconds / 60:5.1f}m  {unfiled.name}")
    median = statistics.median(w.seconds for w in walked)
    low, high = promise()
    print(f"median {median / 60:.1f} min; the texts promise {low} to {high} minutes")


if __name__ == "__main__":
    main()

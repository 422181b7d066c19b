"""How long a screening takes on the main paths, and so what the greeting may promise.

Run: `.venv/bin/python -m bench.lengths`. Each path is walked through flows.engine as a
person would answer it (a button label where the question shows one, else typed text),
and its time is estimated with flows/pace.py (what each question asks of the person). The
figure a text may promise is the range of the five main paths in whole minutes, rounded up
(tests/flows/test_time_promise.py holds the texts to it).

`--form` also walks the paths that reach the money questions with the financial form
(flows/finform.py) filled in their place, as the same person would fill it, and compares:
the questions asked in the chat, what the person sends (answers, and the form once), the
bot's messages, and the time, the form's fields counted as

- FORM_TYPED_SECONDS (15 s) for a figure typed into the form: the same reading of its
  question and "why we ask" line and the same finding of the figure as in the chat, without
  sending it, waiting for the reply and finding the next question (the 5 s the chat adds);
- FORM_CHOICE_SECONDS (5 s) for a choice tapped in the form (the chat's 10 s, less the same);
- FORM_OPEN_SECONDS (30 s) once: opening the form, its intro, looking over the totals, sending.

The promise stays the chat's: the form is a choice, not every client opens Mini Apps.
"""

from __future__ import annotations

import argparse
import statistics
from dataclasses import dataclass
from datetime import date

from flows import engine, finform
from flows import questions as Q
from flows.catalogue import t
from flows.pace import TAP_SECONDS, TYPED_KINDS, TYPED_SECONDS, minutes
from flows.plan import Program
from flows.types import FormFields, InputKind, StepResult, UserInput

TODAY = date(2026, 11, 20)
FORM_TYPED_SECONDS = 15
FORM_CHOICE_SECONDS = 5
FORM_OPEN_SECONDS = 30


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
    questions: list[str]  # asked in the chat
    typed: int  # questions answered by typing
    seconds: int
    first: Program
    messages: int = 0  # the bot's messages, first question to plan
    sent: int = 0  # what the person sent: each answer, and the form once
    form_fields: int = 0  # questions answered in the form instead of the chat


def walk(path: MainPath) -> Walked:
    """The questions the path asks until the plan, and its estimated time; fails if a reply is refused."""
    result = engine.start("en")
    asked: list[str] = [result.snapshot.state]
    messages = len(result.messages)
    for reply in path.replies:
        if result.finished:
            break  # a path the screening ends sooner than the script (the unfiled one, since the skip)
        result = answer(path, result, reply)
        messages += len(result.messages)
        if not result.finished:
            asked.append(result.snapshot.state)
    plan = planned(path, result)
    # A question shown with buttons may still be typed (the streamlined path types its yes/no):
    # the time counts what the question asks for, not how the script happened to answer it.
    typed_questions = sum(1 for qid in asked if Q.BY_ID[qid].kind in TYPED_KINDS)
    seconds = typed_questions * TYPED_SECONDS + (len(asked) - typed_questions) * TAP_SECONDS
    return Walked(path.name, asked, typed_questions, seconds, plan, messages, len(asked))


def walk_with_form(path: MainPath) -> Walked:
    """The same path with the money questions answered in the form (a path that reaches them).

    The form gets the answers the chat path gives those questions, as the form takes them (a
    choice's value, 0 for "None / $0"); the questions the form does not hold stay in the chat.
    """
    chat = walk(path)
    replies = dict(zip(chat.questions, path.replies, strict=False))
    values = {qid: form_value(qid, replies[qid]) for qid in chat.questions if finform.in_block(qid)}
    result = engine.start("en")
    asked: list[str] = [result.snapshot.state]
    messages = len(result.messages)
    filled: list[str] = []
    while not result.finished:
        state = result.snapshot.state
        if finform.in_block(state) and not filled:
            form = FormFields(result.snapshot.step, tuple(values.items()))
            result = engine.handle(result.snapshot, UserInput.form_sent(form), TODAY)
            if not result.accepted:
                raise RuntimeError(f"{path.name}: the form was refused: {[m.plain for m in result.messages]}")
            filled = [e.question_id for e in result.events if e.kind == "answered" and e.question_id]
            asked.pop()  # the question the form was opened from is answered in it
        else:
            result = answer(path, result, replies[state])
        messages += len(result.messages)
        if not result.finished:
            asked.append(result.snapshot.state)
    plan = planned(path, result)
    if plan != chat.first or set(asked) | set(filled) != set(chat.questions):
        raise RuntimeError(f"{path.name}: the form changed the path ({plan}, {asked})")
    typed_questions = sum(1 for qid in asked if Q.BY_ID[qid].kind in TYPED_KINDS)
    typed_fields = sum(1 for qid in filled if Q.BY_ID[qid].kind in TYPED_KINDS)
    seconds = (
        typed_questions * TYPED_SECONDS
        + (len(asked) - typed_questions) * TAP_SECONDS
        + FORM_OPEN_SECONDS
        + typed_fields * FORM_TYPED_SECONDS
        + (len(filled) - typed_fields) * FORM_CHOICE_SECONDS
    )
    return Walked(path.name, asked, typed_questions, seconds, plan, messages, len(asked) + 1, len(filled))


def answer(path: MainPath, result: StepResult, reply: str) -> StepResult:
    snapshot = result.snapshot
    buttons = {b.label: b.value for m in result.messages for row in m.buttons for b in row}
    if reply in buttons:
        user_input = UserInput(InputKind.BUTTON, buttons[reply], snapshot.step)
    else:
        user_input = UserInput(InputKind.TEXT, reply)
    after = engine.handle(snapshot, user_input, TODAY)
    if not after.accepted:
        raise RuntimeError(f"{path.name}: {snapshot.state} refused {reply!r}")
    return after


def planned(path: MainPath, result: StepResult) -> Program:
    if not result.finished or result.plan is None:
        raise RuntimeError(f"{path.name}: ended at {result.snapshot.state}, before the plan")
    first: Program = result.plan.programs()[0]
    return first


def form_value(qid: str, reply: str) -> str:
    """A chat reply as the form takes it: a choice's value for its label, 0 for "None / $0"."""
    if reply == t("conv.btn.zero", "en"):
        return "0"
    q = Q.BY_ID[qid]
    labels = {t(q.option_id(c.value), "en"): c.value for c in q.choices}
    return labels.get(reply, reply)


def promise() -> tuple[int, int]:
    """(shortest, longest) of the main paths in whole minutes, rounded up: what a text may promise."""
    walked = [walk(p) for p in MAIN_PATHS]
    return minutes(min(w.seconds for w in walked)), minutes(max(w.seconds for w in walked))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--form", action="store_true", help="also walk the money questions as one form")
    args = parser.parse_args(argv)
    walked = [walk(p) for p in MAIN_PATHS]
    print(f"seconds per question: {TAP_SECONDS} tapped, {TYPED_SECONDS} typed")
    print(f"{'questions':>9}  {'typed':>5}  {'messages':>8}  {'time':>6}  path")
    for w in [*walked, walk(UNFILED)]:
        first = f" -> {w.first.value}" if w in walked else ""
        print(
            f"{len(w.questions):9d}  {w.typed:5d}  {w.messages:8d}  {w.seconds / 60:5.1f}m  {w.name}{first}"
        )
    median = statistics.median(w.seconds for w in walked)
    low, high = promise()
    print(f"median {median / 60:.1f} min; the texts promise {low} to {high} minutes")
    if args.form:
        print()
        costs = f"{FORM_TYPED_SECONDS} s a typed field, {FORM_CHOICE_SECONDS} s a choice"
        print(f"with the financial form ({costs}, {FORM_OPEN_SECONDS} s to open and send):")
        print(f"{'':14}{'chat questions':>15}  {'sent':>4}  {'messages':>8}  {'time':>6}")
        for path, chat in zip(MAIN_PATHS, walked, strict=True):
            if not any(finform.in_block(qid) for qid in chat.questions):
                continue
            form = walk_with_form(path)
            print(path.name)
            for label, w in (("  chat only", chat), (f"  form ({form.form_fields} fields)", form)):
                print(
                    f"{label:<20}{len(w.questions):9d}  {w.sent:4d}  {w.messages:8d}  {w.seconds / 60:5.1f}m"
                )
            print(f"{'  form / chat':<20}{len(form.questions) / len(chat.questions):9.2f}  "
                  f"{form.sent / chat.sent:4.2f}  {form.messages / chat.messages:8.2f}  "
                  f"{form.seconds / chat.seconds:6.2f}")  # fmt: skip


if __name__ == "__main__":
    main()

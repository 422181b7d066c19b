"""The progress line is honest: "n of n" at the last question, growing only by a branch an answer opened.

The estimate (flows.questions.projected) counts the questions still ahead if each open one
gets the answer that opens the fewest later ones. Checked here over every scripted path
the e2e tests and the question-count yardstick use, in both languages, and, through
tests/flows/conftest.py, on every conversation the flows tests hold.
"""

from __future__ import annotations

from datetime import date

import pytest

from flows import engine
from flows import questions as Q
from flows.answers import Answers
from flows.types import InputKind, StepResult, UserInput
from tests.e2e import scripts

from .question_paths import PATHS

TODAY = date(2026, 11, 20)

SCRIPTS: dict[str, tuple[str, list[str]]] = {
    "e2e short term (buttons)": ("en", scripts.SHORT_TERM_BUTTONS),
    "e2e streamlined (typed)": ("en", scripts.STREAMLINED_TYPED),
    "e2e final notice, then an offer": ("en", scripts.CDP_AND_OIC),
    "e2e not collectible, Spanish, typed": ("es", scripts.CNC_SPANISH_TYPED),
    **{f"yardstick {name}": ("en", replies) for name, replies in PATHS.items()},
}


def run(lang: str, replies: list[str]) -> list[StepResult]:
    """Every result of a scripted screening: "b:<label>" (or a label on screen) is a press, else typed."""
    results = [engine.start(lang)]
    for reply in replies:
        last = results[-1]
        label = reply[2:] if reply.startswith("b:") else reply
        buttons = {b.label: b.value for m in last.messages for row in m.buttons for b in row}
        if label in buttons:
            user_input = UserInput(InputKind.BUTTON, buttons[label], last.snapshot.step)
        else:
            user_input = UserInput(InputKind.TEXT, reply)
        result = engine.handle(last.snapshot, user_input, TODAY)
        assert result.accepted, f"{last.snapshot.state}: {reply!r} refused"
        results.append(result)
    assert results[-1].finished
    return results


def shown(results: list[StepResult]) -> list[tuple[int, int]]:
    """The "Question n of ~total" of each question shown, as (n, total)."""
    out = []
    for r in results:
        if not r.finished and r.progress is not None:
            answered, total = r.progress
            out.append((answered + 1, max(total, answered + 1)))
    return out


@pytest.mark.parametrize("name", list(SCRIPTS))
def test_the_last_question_says_n_of_n(name: str) -> None:
    lang, replies = SCRIPTS[name]
    progress = shown(run(lang, replies))
    n = len(progress)
    assert progress[-1] == (n, n), progress
    assert [p[0] for p in progress] == list(range(1, n + 1))


@pytest.mark.parametrize("name", list(SCRIPTS))
def test_the_total_grows_only_by_questions_an_answer_just_opened(name: str) -> None:
    lang, replies = SCRIPTS[name]
    results = run(lang, replies)
    for before, after in zip(results, results[1:], strict=False):
        if after.finished:
            break
        answered_q = before.snapshot.state
        old = set(before.snapshot.history) | set(ahead(before))
        new = set(after.snapshot.history) | set(ahead(after))
        opened = new - old
        # A branch opens after the question that opened it: nothing earlier is ever added.
        assert all(Q.ORDER[qid] > Q.ORDER[answered_q] for qid in opened), (answered_q, opened)
        assert after.progress and before.progress
        assert after.progress[1] - before.progress[1] <= len(opened)


TYPED_ALTERNATIVES: dict[Q.Kind, tuple[str, ...]] = {
    Q.Kind.MONEY: ("0", "1", "100", "416", "417", "1000", "5000", "30000", "100000", "99999999"),
    Q.Kind.COUNT: ("0", "1", "2", "3"),
    Q.Kind.DATE: ("today", "60 days ago"),
    Q.Kind.YEAR: ("2016", "2024"),
}


@pytest.mark.parametrize("name", list(SCRIPTS))
def test_no_answer_to_the_question_on_screen_leaves_less_to_ask_than_the_estimate(name: str) -> None:
    """The estimate assumes, for each open question, the answer that leaves the least to ask: so any
    answer the person can give (every button, a spread of typed values) leaves at least as much."""
    lang, replies = SCRIPTS[name]
    for result in run(lang, replies)[:-1]:
        snapshot, q = result.snapshot, Q.BY_ID[result.snapshot.state]
        if q.id == Q.FIRST:
            continue  # a state-only debt ends at once; the first question counts the federal path
        assert result.progress is not None
        inputs = [
            UserInput(InputKind.BUTTON, b.value, snapshot.step)
            for m in result.messages
            for row in m.buttons
            for b in row
            if not b.value.startswith("cmd:")
        ]
        inputs += [UserInput(InputKind.TEXT, typed) for typed in TYPED_ALTERNATIVES.get(q.kind, ())]
        for user_input in inputs:
            after = engine.handle(snapshot, user_input, TODAY)
            if not after.accepted:
                continue
            total = (
                len(after.snapshot.history) if after.finished else after.progress[1] if after.progress else 0
            )
            assert total >= result.progress[1], (q.id, user_input.value, total, result.progress)


def ahead(result: StepResult) -> list[str]:
    answers = Answers.model_validate(result.snapshot.answers)
    return Q.projected(answers, result.snapshot.history)


def test_answering_as_assumed_never_grows_the_total() -> None:
    """Walk the assumed answers from the start: the total is the same at every question."""
    answers, history = Answers(), []
    totals = []
    while ahead_ := Q.projected(answers, history):
        totals.append(len(history) + len(ahead_))
        q = Q.BY_ID[ahead_[0]]
        answers = answers.model_copy(update=Q.assumed(q, answers))
        history.append(q.id)
    assert len(set(totals)) == 1, totals


def test_every_question_has_an_assumed_answer() -> None:
    assert set(Q.ASSUMED) == set(Q.QUESTION_IDS)


def test_a_long_path_grows_only_where_branches_open() -> None:
    """The final-notice-and-offer script: the total grows where an answer opened a branch and nowhere
    else: the final notice opens its date and levy questions, unknown penalties the penalty history,
    "No" to 180 days the plan questions, "No" to bankruptcy the budget questions and (above $50,000)
    the financial block, a vehicle its three questions, a vehicle's value its loan."""
    results = run("en", scripts.CDP_AND_OIC)
    totals = [(r.snapshot.state, r.progress[1] if r.progress else 0) for r in results if not r.finished]
    growth = [(qid, new - old) for (qid, old), (_, new) in zip(totals, totals[1:], strict=False) if new > old]
    assert growth == [("latest_letter", 2), ("penalty_amount", 1), ("can_pay_180", 2), ("in_bankruptcy", 19),
                      ("vehicle_count", 3), ("vehicle_value", 1)]  # fmt: skip

"""The plan on a phone: a summary under one screen, every other message under ~1,000 characters.

Written from the issue's measure (plans of 1,400-1,600 characters in up to three long messages,
programs that cannot fit what the person said listed beside those that do) for every plan the
rules tests and the e2e scripts produce, in both languages.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from flows import planview
from flows.answers import Answers
from flows.assessment import assess
from flows.plan import Fit, Plan, Program
from tests.flows.test_render import ANSWERS, TODAY, check_html
from tests.flows.test_rules_review import ROWS

PLANS: dict[str, Plan] = {name: assess(answers, TODAY) for name, answers in ANSWERS.items()}
PLANS.update({f"review: {row.name}": assess(Answers(**row.answers), row.today) for row in ROWS})


def every_message(plan: Plan, lang: str) -> list[tuple[str, str]]:
    shown = [("summary", planview.summary(plan, lang))]
    for n in range(1, len(plan.recommendations) + 1):
        shown += [(f"details {n}", m) for m in planview.details(plan, n, lang)]
    shown += [("options", m) for m in planview.options(plan, lang)]
    shown += [("notes", m) for m in planview.notes(plan, lang)]
    return [(name, m.html) for name, m in shown]


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("name", sorted(PLANS))
def test_the_summary_fits_a_screen_and_every_other_message_stays_short(name: str, lang: str) -> None:
    plan = PLANS[name]
    summary = planview.summary(plan, lang)
    assert len(summary.plain) < planview.MAX_SUMMARY, summary.plain
    for part, html_text in every_message(plan, lang):
        check_html(html_text)
        text = re.sub(r"<[^>]+>", "", html_text)
        assert len(text) <= planview.MAX_MESSAGE, f"{part}: {len(text)} characters"


@pytest.mark.parametrize("name", sorted(PLANS))
def test_every_program_is_one_tap_from_the_summary(name: str) -> None:
    """Each program is in the summary's buttons, or in the other options' buttons."""
    plan = PLANS[name]
    reachable = {b.value for row in planview.summary(plan, "en").buttons for b in row}
    for message in planview.options(plan, "en"):
        reachable |= {b.value for row in message.buttons for b in row}
    expected = {f"cmd:details:{n}" for n in range(1, len(plan.recommendations) + 1)}
    assert expected <= reachable


def test_only_what_fits_is_in_the_summary_and_the_rest_waits_under_other_options() -> None:
    """Someone who can pay $8,000 in four months sees the short-term plan, not 36- and 72-month plans."""
    plan = assess(
        Answers(
            debt_scope="federal",
            balance=8000,
            taxpayer_kind="personal",
            all_returns_filed=True,
            latest_letter="none",
            disputes_amount=False,
            penalty_amount=0,
            can_pay_in_180_days=True,
        ),
        date(2026, 12, 4),
    )
    main = [rec.program for _, rec in planview.main_routes(plan)]
    others = [rec.program for _, rec in planview.other_routes(plan)]
    assert main == [Program.short_term_plan]
    assert all(rec.fit is not Fit.likely for _, rec in planview.other_routes(plan)) and others
    summary = planview.summary(plan, "en").plain
    assert "Streamlined" not in summary and "Guaranteed" not in summary


def test_a_button_that_names_no_program_shows_nothing() -> None:
    plan = next(iter(PLANS.values()))
    assert planview.on_demand(plan, "details:99", "en") == []
    assert planview.on_demand(plan, "details:²", "en") == []
    assert planview.on_demand(plan, "nonsense", "en") == []

"""The new questions are asked only where they can change the plan, and the short paths do not grow.

Each row pins one relevance boundary of a question the practitioner review added
(irs-rules.md §9.1, §9.4, §9.7, §9.10): the answer decides the row, one step either
side of the line.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from flows import questions as Q
from flows.answers import Answers

from .question_paths import PATHS, walk

D = Decimal
NEW_QUESTIONS = {
    "business_open",
    "prior_plans",
    "expense_taxes",
    "vehicle_count",
    "vehicle_payment",
    "health_insurance",
    "earliest_year",
}


@pytest.mark.parametrize(("name", "count"), list(zip(PATHS, (8, 14, 15), strict=True)))
def test_the_short_paths_ask_what_they_asked_before(name: str, count: int) -> None:
    """The yardstick: these paths ask 8, 14 and 15 questions, and the review's questions add none."""
    asked = walk(PATHS[name])
    assert len(asked) == count, asked
    assert not NEW_QUESTIONS & set(asked), asked


PERSON: dict[str, Any] = dict(
    debt_scope="federal",
    taxpayer_kind="personal",
    all_returns_filed=True,
    latest_letter="none",
    disputes_amount=False,
    penalty_amount=D(0),
    can_pay_in_180_days=False,
    current_year_compliant=True,
    in_bankruptcy=False,
    hardship="none",
)
# Financial block open ($0 a month), a single person, no car: allowable 839 + 83 + 1,200 + 244 = 2,366.
FINANCES: dict[str, Any] = dict(
    monthly_payment=D(0),
    residence="contiguous",
    household_size=1,
    members_65_plus=0,
    expense_housing=D(1200),
    vehicle_count=0,
)


def left(disposable: int) -> D:
    return D(2366 + disposable)


ROWS: list[tuple[str, dict[str, Any], str, bool]] = [
    # business still operating: only for a business
    ("personal debt: no business question", {**PERSON, "balance": D(20000)}, "business_open", False),
    (
        "payroll debt: asked",
        {**PERSON, "taxpayer_kind": "payroll", "balance": D(20000)},
        "business_open",
        True,
    ),
    (
        "business income tax: asked",
        {**PERSON, "taxpayer_kind": "business_other", "balance": D(20000)},
        "business_open",
        True,
    ),
    # the guaranteed plan's five years: tax <= 10,000 and what they can pay clears it in 36 months
    (
        "guaranteed: 10,000 at 278 (10,008 in 36 months)",
        {**PERSON, "balance": D(10000), "monthly_payment": D(278)},
        "prior_plans",
        True,
    ),
    (
        "guaranteed: 10,000 at 277 (9,972): out of reach",
        {**PERSON, "balance": D(10000), "monthly_payment": D(277)},
        "prior_plans",
        False,
    ),
    (
        "guaranteed: tax 10,000.01",
        {**PERSON, "balance": D("10000.01"), "monthly_payment": D(400)},
        "prior_plans",
        False,
    ),
    (
        "guaranteed: 12,000 with 2,000 penalties is 10,000 of tax",
        {**PERSON, "balance": D(12000), "penalty_amount": D(2000), "monthly_payment": D(334)},
        "prior_plans",
        True,
    ),
    (
        "guaranteed: returns missing",
        {**PERSON, "balance": D(9000), "all_returns_filed": False, "monthly_payment": D(300)},
        "prior_plans",
        False,
    ),
    (
        "guaranteed: payroll debt",
        {**PERSON, "taxpayer_kind": "payroll", "balance": D(9000), "monthly_payment": D(300)},
        "prior_plans",
        False,
    ),
    (
        "guaranteed: pays in 180 days",
        {**PERSON, "balance": D(9000), "can_pay_in_180_days": True},
        "prior_plans",
        False,
    ),
    # taxes taken out: inside the financial block, which opens when 72 months of what they can pay fall short
    (
        "taxes: 20,000 at 277 a month (19,944 in 72)",
        {**PERSON, "balance": D(20000), "monthly_payment": D(277)},
        "expense_taxes",
        True,
    ),
    (
        "taxes: 20,000 at 278 a month (20,016 in 72)",
        {**PERSON, "balance": D(20000), "monthly_payment": D(278)},
        "expense_taxes",
        False,
    ),
    (
        "taxes: an operating business is judged on its own statement",
        {
            **PERSON,
            "taxpayer_kind": "payroll",
            "business_operating": True,
            "balance": D(90000),
            "monthly_payment": D(0),
        },
        "expense_taxes",
        False,
    ),
    (
        "taxes: a closed business is treated as a person",
        {
            **PERSON,
            "taxpayer_kind": "payroll",
            "business_operating": False,
            "balance": D(90000),
            "monthly_payment": D(0),
        },
        "expense_taxes",
        True,
    ),
    (
        "premiums: inside the financial block",
        {**PERSON, "balance": D(60000), **FINANCES},
        "health_insurance",
        True,
    ),
    # the car: loan payment, running costs and value only with a vehicle
    (
        "no vehicle: no car loan question",
        {**PERSON, "balance": D(60000), **FINANCES},
        "vehicle_payment",
        False,
    ),
    (
        "one vehicle: car loan asked",
        {**PERSON, "balance": D(60000), **FINANCES, "vehicle_count": 1},
        "vehicle_payment",
        True,
    ),
    ("no vehicle: no running costs", {**PERSON, "balance": D(60000), **FINANCES}, "expense_transport", False),
    (
        "one vehicle: running costs asked",
        {**PERSON, "balance": D(60000), **FINANCES, "vehicle_count": 1},
        "expense_transport",
        True,
    ),
    ("no vehicle: no vehicle value", {**PERSON, "balance": D(60000), **FINANCES}, "vehicle_value", False),
    # the oldest tax year: only when the CSED months can decide the full-pay test (500 x 120 = 60,000)
    (
        "tax years: 60,000 with 500 left: 10 years would pay it",
        {**PERSON, "balance": D(60000), **FINANCES, "monthly_income": left(500)},
        "earliest_year",
        True,
    ),
    (
        "tax years: 60,001 with 500 left: no CSED could",
        {**PERSON, "balance": D(60001), **FINANCES, "monthly_income": left(500)},
        "earliest_year",
        False,
    ),
    (
        "tax years: nothing left each month",
        {**PERSON, "balance": D(60000), **FINANCES, "monthly_income": left(0)},
        "earliest_year",
        False,
    ),
    (
        "tax years: equity covers the balance",
        {**PERSON, "balance": D(60000), **FINANCES, "monthly_income": left(500), "asset_cash": D(60000)},
        "earliest_year",
        False,
    ),
]


@pytest.mark.parametrize(("name", "answers", "question", "asked"), ROWS, ids=[r[0] for r in ROWS])
def test_new_questions_are_asked_only_where_they_matter(
    name: str, answers: dict[str, Any], question: str, asked: bool
) -> None:
    relevant = dict(zip(Q.QUESTION_IDS, Q.relevance(Answers(**answers)), strict=True))
    assert relevant[question] is asked


# Returns unfiled: every plan, offer and pause waits on filing (irs-rules.md §2.1), so the household's
# figures cannot change the plan. The same person with everything filed is asked them.
UNFILED = {"all_returns_filed": False, "unfiled_years": 2}
AT_0 = {**PERSON, "balance": D(60000), "monthly_payment": D(0)}
OVER = {**PERSON, "balance": D(90000), "monthly_payment": D(2000)}
HARD = {**PERSON, "balance": D(20000), "monthly_payment": D(400), "hardship": "job_loss"}
UNFILED_ROWS: list[tuple[str, dict[str, Any], bool]] = [
    ("filed, 60,000 at $0: the block", AT_0, True),
    ("unfiled, 60,000 at $0: no block", {**AT_0, **UNFILED}, False),
    ("filed, above 50,000: the block", OVER, True),
    ("unfiled, above 50,000: no block", {**OVER, **UNFILED}, False),
    ("filed with a hardship: the block", HARD, True),
    ("unfiled with a hardship: no block", {**HARD, **UNFILED}, False),
]


@pytest.mark.parametrize(("name", "answers", "asked"), UNFILED_ROWS, ids=[r[0] for r in UNFILED_ROWS])
def test_the_financial_block_waits_for_unfiled_returns(
    name: str, answers: dict[str, Any], asked: bool
) -> None:
    relevant = dict(zip(Q.QUESTION_IDS, Q.relevance(Answers(**answers)), strict=True))
    block = ["residence", "household_size", "monthly_income", "expense_housing", "asset_cash", "home_value"]
    assert {relevant[qid] for qid in block} == {asked}
    assert Q.financials_wait_on_filing(Answers(**answers)) is (answers.get("all_returns_filed") is False)

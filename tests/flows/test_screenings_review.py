"""Four whole screenings the practitioner review (irs-rules.md §9) changed, as a person has them.

Each goes through flows.engine one reply at a time (tests/flows/conftest.py's Chat),
so it also checks which questions are asked, and ends on what the person reads.
"""

from __future__ import annotations

from flows.plan import Fit, Program

from .conftest import Chat

FEDERAL = ("debt_scope", "The IRS (federal)")
PERSONAL = ("taxpayer_kind", "Personal (Form 1040)")
NO = "None / $0"


SAID_ZERO_BUT_CAN_PAY = [
    FEDERAL,
    ("balance", "35,000"),
    PERSONAL,
    ("all_returns_filed", "Yes"),
    ("latest_letter", "CP14 (first bill)"),
    ("disputes_amount", "No"),
    ("penalty_amount", NO),
    ("can_pay_180", "No"),
    ("current_year", "Yes"),
    ("in_bankruptcy", "No"),
    ("monthly_payment", NO),
    ("hardship", "None of these"),
    ("filing_status", "Single"),
    ("combat_zone", "No"),
    ("residence", "Lower 48 states or DC"),
    ("household_size", "1"),
    ("members_65", "0"),
    ("monthly_income", "$6,000"),
    ("expense_taxes", "1,000"),
    ("expense_housing", "1500"),
    ("vehicle_count", "1"),
    ("vehicle_payment", "300"),
    ("expense_transport", "250"),
    ("health_insurance", "200"),
    ("expense_health", "50"),
    ("expense_court", NO),
    ("expense_other", NO),
    ("asset_cash", "2000"),
    ("home_value", NO),
    ("vehicle_value", "15000"),
    ("vehicle_loan", "8000"),
    ("retirement_value", NO),
    ("other_assets", NO),
]


def test_said_zero_but_the_standards_leave_money_gets_a_payment_plan(chat: Chat) -> None:
    """§9.2: "$0 a month" with $1,828 left after allowed expenses is a payment plan, not a pause.

    Allowable: 839 + 83 (out-of-pocket, 50 spent) + 200 premiums + 1,500 housing + 300 car loan (under the
    662 standard) + 250 running + 1,000 taxes = 4,172; 6,000 - 4,172 = 1,828. Equity: 2,000 cash +
    15,000 x 80% - 8,000 = 6,000. Oldest year 2023: CSED about April 15, 2034, 88 months from
    2026-11-20, so the streamlined plan runs its full 72 months: 35,000 / 72 -> 487.
    """
    chat.script(*SAID_ZERO_BUT_CAN_PAY, ("earliest_year", "2023"))
    plan = chat.result.plan
    assert plan.programs()[0] == Program.streamlined_ia
    assert plan.get(Program.streamlined_ia).fit == Fit.likely  # type: ignore[union-attr]
    assert not {Program.cnc, Program.oic_collectibility, Program.ppia} & set(plan.programs())
    text = chat.text
    assert "$487 a month" in text
    assert "You said you could pay $0 a month" in text and "$1,828" in text
    assert "April 15, 2034" in text and "88 months" in text
    assert chat.answers["earliest_year"] == 2023


def test_retirement_account_and_a_job_loss_points_to_the_account_before_any_pause(chat: Chat) -> None:
    """§9.3: income below the allowed expenses, but a $200,000 401(k) against $35,000: no CNC.

    Allowable 839 + 83 + 1,400 + 244 (no car) = 2,566 > 1,200 income. The tax years are not asked:
    with nothing left each month, the months on the statute change nothing.
    """
    chat.script(
        FEDERAL,
        ("balance", "35000"),
        PERSONAL,
        ("all_returns_filed", "Yes"),
        ("latest_letter", "CP501 / CP503 (reminder)"),
        ("disputes_amount", "No"),
        ("penalty_amount", NO),
        ("can_pay_180", "No"),
        ("current_year", "Yes"),
        ("in_bankruptcy", "No"),
        ("monthly_payment", NO),
        ("hardship", "Lost my job"),
        ("filing_status", "Single"),
        ("combat_zone", "No"),
        ("residence", "Lower 48 states or DC"),
        ("household_size", "1"),
        ("members_65", "0"),
        ("monthly_income", "1200"),
        ("expense_taxes", NO),
        ("expense_housing", "1400"),
        ("vehicle_count", "0"),
        ("health_insurance", NO),
        ("expense_health", NO),
        ("expense_court", NO),
        ("expense_other", NO),
        ("asset_cash", "300"),
        ("home_value", NO),
        ("retirement_value", "200000"),
        ("other_assets", NO),
    )
    assert chat.result.finished
    assert not {"vehicle_payment", "expense_transport", "vehicle_value", "earliest_year"} & set(chat.asked)
    plan = chat.result.plan
    assert plan.programs()[0] == Program.use_equity
    assert Program.cnc not in plan.programs() and Program.oic_collectibility not in plan.programs()
    text = chat.text
    assert "Retirement accounts count" in text and "early-withdrawal penalty" in text
    assert "$200,300" in text  # what the IRS counts: the account at market value plus the cash


def test_a_payroll_tax_owner_hears_of_the_personal_liability_first(chat: Chat) -> None:
    """§9.10: payroll debt names the Trust Fund Recovery Penalty before anything else; the business's
    own statement (Form 433-B), not the household questions, sets a plan above $25,000."""
    chat.script(
        FEDERAL,
        ("balance", "40000"),
        ("taxpayer_kind", "Business payroll taxes"),
        ("business_open", "Yes"),
        ("all_returns_filed", "Yes"),
        ("latest_letter", "No letter yet"),
        ("disputes_amount", "No"),
        ("penalty_amount", "5000"),
        ("prior_penalties", "No"),
        ("can_pay_180", "No"),
        ("current_year", "Yes"),
        ("in_bankruptcy", "No"),
        ("monthly_payment", "1500"),
        ("hardship", "None of these"),
    )
    assert chat.result.finished
    assert not {"filing_status", "residence", "monthly_income", "prior_plans"} & set(chat.asked)
    plan = chat.result.plan
    programs = plan.programs()
    assert programs[0] == Program.trust_fund_penalty and plan.urgent
    assert programs.index(Program.first_time_abatement) < programs.index(Program.ibtf_express)
    assert plan.get(Program.ibtf_express).fit == Fit.possible  # type: ignore[union-attr]  # over 25,000
    text = chat.text
    assert "Trust Fund Recovery Penalty" in text and "Letter 1153" in text and "60 days" in text
    assert "Form 433-B" in text
    assert "$15,000" in text  # what to pay down to use the 25,000 plan


def test_an_innocent_spouse_years_after_the_notice_is_told_of_equitable_relief(chat: Chat) -> None:
    """§9.8: the final notice of March 10, 2023 started the 2 years for (b) and (c), which ended on
    March 10, 2025; equitable relief stays open while the IRS can collect, and no passed deadline
    is printed as "today is the last day"."""
    chat.script(
        FEDERAL,
        ("balance", "30000"),
        PERSONAL,
        ("all_returns_filed", "Yes"),
        ("latest_letter", "LT11 / 1058 / CP90 (final)"),
        ("letter_date", "03/10/2023"),
        ("levy_started", "No"),
        ("disputes_amount", "No"),
        ("penalty_amount", NO),
        ("can_pay_180", "No"),
        ("current_year", "Yes"),
        ("in_bankruptcy", "No"),
        ("monthly_payment", "500"),
        ("hardship", "None of these"),
        ("filing_status", "Married filing jointly"),
        ("spouse_debt", "Yes"),
        ("combat_zone", "No"),
    )
    plan = chat.result.plan
    spouse = plan.get(Program.innocent_spouse)
    assert spouse is not None and spouse.reason.id == "plan.reason.innocent_spouse_equitable"
    assert spouse.estimates.deadline is None
    assert Program.cdp_hearing not in plan.programs() and Program.equivalent_hearing not in plan.programs()
    text = chat.text
    assert "equitable relief" in text and "8857" in text
    assert "today is the last day" not in text and "March 10, 2025" not in text


def test_not_sure_of_the_tax_years_gets_the_stated_assumption(chat: Chat) -> None:
    """§9.1: "not sure" falls back to the full 10 years, and the plan says it assumed so."""
    chat.script(*SAID_ZERO_BUT_CAN_PAY)
    assert chat.question == "earliest_year" and "Not sure" in chat.labels
    chat.press("Not sure")
    assert chat.result.finished and "earliest_year" not in chat.answers
    assert "plan.note.statute_assumed" in [n.id for n in chat.result.plan.notes]
    assert "We assumed the IRS still has the full 10 years to collect" in chat.text


def test_a_tax_year_out_of_range_is_refused_with_the_range_and_an_example(chat: Chat) -> None:
    chat.script(*SAID_ZERO_BUT_CAN_PAY)
    for reply in ("1990", "2027", "last year-ish"):
        result = chat.say(reply)
        assert not result.accepted and chat.question == "earliest_year", reply
        assert "for example 2019" in chat.text
    assert "between 1996 and 2026" in chat.say("1995").messages[0].plain
    assert chat.say("1996").accepted

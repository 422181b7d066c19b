"""The specification of the rules engine: one row per situation a person can be in.

Every threshold is pinned at, just below and just above it. Deadline convention
(see flows/rules/deadlines.py): a 30-day window is still open on day 30 with 0 days
left ("today is the last day"); day 31 is closed. The rules the practitioner review
(irs-rules.md §9) changed are pinned in test_rules_review.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest

from flows.answers import Answers, Hardship, Letter, ReasonableCause, Residence
from flows.assessment import assess, financials, needs_financials
from flows.plan import Fit, Plan, Program
from flows.render import plan_summary, render_plan

TODAY = date(2026, 3, 16)
D = Decimal
P = Program


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def person(**overrides: Any) -> Answers:
    """A clean individual: federal debt, every return filed, current this year, no letter, no hardship."""
    base: dict[str, Any] = dict(
        debt_scope="federal",
        taxpayer_kind="personal",
        all_returns_filed=True,
        current_year_compliant=True,
        in_bankruptcy=False,
        latest_letter=Letter.NONE,
        levy_started=False,
        disputes_amount=False,
        penalty_amount=D(0),
        hardship=Hardship.NONE,
    )
    base.update(overrides)
    return Answers(**base)


# Article case (a): $80,000 owed, RCP of $15,000. Single, no car: allowable = 839 national standard
# + 83 health care + 1,800 housing + 244 public transport (the standard, without a vehicle) + 534 other
# = 3,500; income 4,000 leaves 500 a month; home equity 200,000 x 80% - 151,000 = 9,000. Full-pay test:
# 9,000 + 500 x 120 months = 69,000 < 80,000, so an offer is in play. RCP = 9,000 + 12 x 500 = 15,000.
ARTICLE_A = dict(
    balance=D(80000),
    monthly_payment=D(500),
    can_pay_in_180_days=False,
    household_size=1,
    residence=Residence.CONTIGUOUS,
    monthly_income=D(4000),
    expense_housing=D(1800),
    expense_transport=D(400),
    expense_health=D(0),
    expense_other=D(534),
    home_value=D(200000),
    home_loan=D(151000),
)

# Income that does not cover the allowable expenses (839 + 83 + 1,200 = 2,122 > 2,000).
SHORTFALL = dict(
    balance=D(30000),
    monthly_income=D(2000),
    household_size=1,
    expense_housing=D(1200),
    can_pay_in_180_days=False,
)


@dataclass
class Expect:
    first: Program | None = None  # the first recommendation
    order: list[Program] = field(default_factory=list)  # these appear in this relative order
    fits: dict[Program, Fit] = field(default_factory=dict)
    absent: list[Program] = field(default_factory=list)
    est: dict[tuple[Program, str], Any] = field(default_factory=dict)  # (program, Estimates field) -> value
    urgent: bool | None = None
    days_left: int | None | str = "any"  # "any": not checked
    only: list[Program] | None = None  # exactly these programs, in this order


CASES: list[tuple[str, Answers, Expect]] = [
    # --- $100,000 and 180 days: the short-term plan -------------------------------------------------
    (
        "short-term just below 100k",
        person(balance=D(99999), can_pay_in_180_days=True),
        Expect(
            first=P.short_term_plan,
            fits={P.short_term_plan: Fit.likely},
            est={(P.short_term_plan, "setup_fee_online"): D(0)},
        ),
    ),
    (
        "short-term at 100k is out",
        person(balance=D(100000), can_pay_in_180_days=True),
        Expect(absent=[P.short_term_plan]),
    ),
    (
        "short-term above 100k is out",
        person(balance=D(100001), can_pay_in_180_days=True),
        Expect(absent=[P.short_term_plan]),
    ),
    (
        "cannot pay in 180 days: no short-term plan",
        person(balance=D(20000), can_pay_in_180_days=False, monthly_payment=D(400)),
        Expect(first=P.streamlined_ia, absent=[P.short_term_plan]),
    ),
    (
        "180 days unknown: short-term only possible",
        person(balance=D(20000)),
        Expect(fits={P.short_term_plan: Fit.possible}),
    ),
    (
        "180 days unknown but monthly payment far too small",
        person(balance=D(20000), monthly_payment=D(300)),
        Expect(absent=[P.short_term_plan], first=P.streamlined_ia),
    ),
    # --- $10,000 of tax: the guaranteed installment agreement ---------------------------------------
    (
        "guaranteed at 10k tax, clean five years",
        person(balance=D(10000), can_pay_in_180_days=False, monthly_payment=D(300), prior_plan_or_late=False),
        Expect(
            first=P.guaranteed_ia,
            est={(P.guaranteed_ia, "monthly_payment"): D(278), (P.guaranteed_ia, "tax_estimate"): D(10000)},
        ),
    ),
    (
        "guaranteed just below 10k, clean five years",
        person(balance=D(9999), can_pay_in_180_days=False, monthly_payment=D(300), prior_plan_or_late=False),
        Expect(first=P.guaranteed_ia),
    ),
    (
        "guaranteed just above 10k is out",
        person(balance=D("10000.01"), can_pay_in_180_days=False, monthly_payment=D(300)),
        Expect(absent=[P.guaranteed_ia], first=P.streamlined_ia),
    ),
    (
        "guaranteed counts tax only: 12k balance with 2k penalties",
        person(
            balance=D(12000),
            penalty_amount=D(2000),
            prior_penalties=True,
            can_pay_in_180_days=False,
            monthly_payment=D(400),
            prior_plan_or_late=False,
        ),
        Expect(fits={P.guaranteed_ia: Fit.likely}, est={(P.guaranteed_ia, "tax_estimate"): D(10000)}),
    ),
    (
        "guaranteed needs full payment within 3 years",
        person(balance=D(9000), can_pay_in_180_days=False, monthly_payment=D(200)),
        Expect(absent=[P.guaranteed_ia], first=P.streamlined_ia),
    ),
    # --- $25,000: direct debit -------------------------------------------------------------------
    (
        "streamlined at 25k: direct debit optional",
        person(balance=D(25000), can_pay_in_180_days=False, monthly_payment=D(400)),
        Expect(
            first=P.streamlined_ia,
            est={
                (P.streamlined_ia, "direct_debit_required"): False,
                (P.streamlined_ia, "monthly_payment"): D(348),
            },
        ),
    ),
    (
        "streamlined just below 25k",
        person(balance=D(24999), can_pay_in_180_days=False, monthly_payment=D(400)),
        Expect(est={(P.streamlined_ia, "direct_debit_required"): False}),
    ),
    (
        "streamlined just above 25k: direct debit required",
        person(balance=D(25001), can_pay_in_180_days=False, monthly_payment=D(400)),
        Expect(
            est={
                (P.streamlined_ia, "direct_debit_required"): True,
                (P.streamlined_ia, "setup_fee_online"): D(22),
                (P.streamlined_ia, "setup_fee_phone"): D(107),
            }
        ),
    ),
    # --- $50,000: streamlined vs non-streamlined -----------------------------------------------
    (
        "streamlined at 50k",
        person(balance=D(50000), can_pay_in_180_days=False, monthly_payment=D(700)),
        Expect(
            first=P.streamlined_ia,
            fits={P.streamlined_ia: Fit.likely},
            absent=[P.non_streamlined_ia],
            est={(P.streamlined_ia, "monthly_payment"): D(695), (P.streamlined_ia, "months"): 72},
        ),
    ),
    (
        "streamlined just below 50k",
        person(balance=D(49999), can_pay_in_180_days=False, monthly_payment=D(700)),
        Expect(first=P.streamlined_ia),
    ),
    (
        "just above 50k: non-streamlined",
        person(balance=D(50001), can_pay_in_180_days=False, monthly_payment=D(700)),
        Expect(
            first=P.non_streamlined_ia,
            absent=[P.streamlined_ia],
            est={(P.non_streamlined_ia, "monthly_payment"): D(695)},
        ),
    ),
    (
        "streamlined but the person can pay less than balance/72",
        person(balance=D(36001), can_pay_in_180_days=False, monthly_payment=D(400)),
        Expect(
            fits={P.streamlined_ia: Fit.possible},
            est={
                (P.streamlined_ia, "monthly_payment"): D(501),
                (P.streamlined_ia, "affordable_monthly"): D(400),
            },
        ),
    ),
    # --- $250,000: the end of the non-streamlined range -------------------------------------------
    (
        "non-streamlined just below 250k",
        person(balance=D(249999), can_pay_in_180_days=False, monthly_payment=D(3500)),
        Expect(first=P.non_streamlined_ia, fits={P.non_streamlined_ia: Fit.likely}),
    ),
    (
        "non-streamlined at 250k",
        person(balance=D(250000), can_pay_in_180_days=False, monthly_payment=D(3500)),
        Expect(fits={P.non_streamlined_ia: Fit.likely}),
    ),
    (
        "above 250k: only possible",
        person(balance=D(250001), can_pay_in_180_days=False, monthly_payment=D(3500)),
        Expect(fits={P.non_streamlined_ia: Fit.possible}),
    ),
    # --- CSED: partial payment -------------------------------------------------------------------
    (
        # 400 x 120 = 48,000 < 60,000. Without the financial statement the IRS works from (§9.2), what
        # they said only makes a partial-payment plan possible, not likely.
        "cannot pay before the CSED by what they said: partial-payment plan possible",
        person(balance=D(60000), can_pay_in_180_days=False, monthly_payment=D(400)),
        Expect(
            fits={P.ppia: Fit.possible, P.oic_collectibility: Fit.possible},
            absent=[P.non_streamlined_ia],
            est={(P.ppia, "affordable_monthly"): D(400)},
        ),
    ),
    # --- 30-day CDP window: day 29, 30 (still open, 0 left), 31 (equivalent hearing) --------------
    (
        "final notice 29 days ago",
        person(balance=D(20000), latest_letter=Letter.FINAL_NOTICE, letter_date=ago(29)),
        Expect(
            first=P.cdp_hearing,
            urgent=True,
            days_left=1,
            est={(P.cdp_hearing, "deadline"): TODAY + timedelta(days=1)},
        ),
    ),
    (
        "final notice 30 days ago: last day",
        person(balance=D(20000), latest_letter=Letter.FINAL_NOTICE, letter_date=ago(30)),
        Expect(first=P.cdp_hearing, urgent=True, days_left=0, absent=[P.equivalent_hearing]),
    ),
    (
        "final notice 31 days ago: equivalent hearing",
        person(balance=D(20000), latest_letter=Letter.FINAL_NOTICE, letter_date=ago(31)),
        Expect(
            first=P.equivalent_hearing,
            absent=[P.cdp_hearing],
            urgent=True,  # a levy can start from day 31
            days_left=None,  # the one-year limit is not the plan's deadline
            est={(P.equivalent_hearing, "deadline"): date(2027, 2, 13)},
        ),
    ),
    (
        "lien notice 29 days ago",
        person(balance=D(20000), latest_letter=Letter.LIEN_3172, letter_date=ago(29)),
        Expect(first=P.cdp_hearing, days_left=1),
    ),
    (
        "lien notice 30 days ago",
        person(balance=D(20000), latest_letter=Letter.LIEN_3172, letter_date=ago(30)),
        Expect(first=P.cdp_hearing, days_left=0),
    ),
    (
        # §9.9: the 30 days start after the 5 business days that follow the lien's filing, so a lien
        # letter 31 days old may still be inside its printed window.
        "lien notice 31 days ago: the printed window may still be open",
        person(balance=D(20000), latest_letter=Letter.LIEN_3172, letter_date=ago(31)),
        Expect(first=P.cdp_hearing, fits={P.cdp_hearing: Fit.possible}, urgent=True, days_left=None),
    ),
    (
        # 2026-03-16 minus 38 days = 2026-02-06 (a Friday); 5 business days later is 2026-02-13, and 30
        # days after that is 2026-03-15: closed.
        "lien notice 38 days ago: equivalent hearing",
        person(balance=D(20000), latest_letter=Letter.LIEN_3172, letter_date=ago(38)),
        Expect(first=P.equivalent_hearing, absent=[P.cdp_hearing], urgent=False),
    ),
    (
        "final notice exactly one year ago: equivalent hearing, last day",
        person(balance=D(20000), latest_letter=Letter.FINAL_NOTICE, letter_date=date(2025, 3, 16)),
        Expect(first=P.equivalent_hearing, est={(P.equivalent_hearing, "days_left"): 0}),
    ),
    (
        "final notice a year and a day ago: no hearing left",
        person(balance=D(20000), latest_letter=Letter.FINAL_NOTICE, letter_date=date(2025, 3, 15)),
        Expect(absent=[P.cdp_hearing, P.equivalent_hearing]),
    ),
    (
        "final notice without a date: still urgent",
        person(balance=D(20000), latest_letter=Letter.FINAL_NOTICE),
        Expect(first=P.cdp_hearing, urgent=True, days_left=None),
    ),
    (
        "CP2000 29 days ago",
        person(balance=D(5000), latest_letter=Letter.CP2000, letter_date=ago(29)),
        Expect(first=P.cp2000_response, urgent=True, days_left=1),
    ),
    (
        "CP2000 30 days ago",
        person(balance=D(5000), latest_letter=Letter.CP2000, letter_date=ago(30)),
        Expect(first=P.cp2000_response, urgent=True, days_left=0),
    ),
    (
        "CP2000 31 days ago: late, reply anyway",
        person(balance=D(5000), latest_letter=Letter.CP2000, letter_date=ago(31)),
        Expect(
            first=P.cp2000_response,
            urgent=False,
            days_left=None,
            est={(P.cp2000_response, "days_left"): None},
        ),
    ),
    (
        # Nothing is assessed yet: the CP2000's own reply form is where to disagree, not an offer.
        "CP2000 disputed: disagree on the reply form",
        person(balance=D(5000), latest_letter=Letter.CP2000, letter_date=ago(3), disputes_amount=True),
        Expect(first=P.cp2000_response, absent=[P.oic_liability, P.audit_reconsideration], days_left=27),
    ),
    (
        "CP523 10 days ago",
        person(balance=D(20000), latest_letter=Letter.CP523, letter_date=ago(10)),
        Expect(first=P.cp523_cure, urgent=True, days_left=20),
    ),
    (
        "CP523 31 days ago",
        person(balance=D(20000), latest_letter=Letter.CP523, letter_date=ago(31)),
        Expect(first=P.cp523_cure, est={(P.cp523_cure, "days_left"): None}),
    ),
    # --- levy -----------------------------------------------------------------------------------
    (
        "levy started: release first",
        person(balance=D(20000), levy_started=True, monthly_payment=D(400), can_pay_in_180_days=False),
        Expect(first=P.levy_release, urgent=True, order=[P.levy_release, P.streamlined_ia]),
    ),
    (
        "levy and open CDP window: hearing, then levy release",
        person(balance=D(20000), levy_started=True, latest_letter=Letter.FINAL_NOTICE, letter_date=ago(5)),
        Expect(order=[P.cdp_hearing, P.levy_release], days_left=25),
    ),
    # --- blockers -------------------------------------------------------------------------------
    (
        "unfiled returns: file first, everything else waits",
        person(
            balance=D(20000),
            all_returns_filed=False,
            unfiled_years=2,
            penalty_amount=D(3000),
            prior_penalties=False,
            monthly_payment=D(400),
            can_pay_in_180_days=False,
        ),
        Expect(
            first=P.file_returns, fits={P.first_time_abatement: Fit.blocked, P.streamlined_ia: Fit.blocked}
        ),
    ),
    (
        "unfiled returns but a CDP deadline still comes first",
        person(
            balance=D(20000), all_returns_filed=False, latest_letter=Letter.FINAL_NOTICE, letter_date=ago(10)
        ),
        Expect(order=[P.cdp_hearing, P.file_returns], days_left=20),
    ),
    (
        "current-year non-compliance blocks an offer",
        person(**{**ARTICLE_A, "current_year_compliant": False}),
        Expect(first=P.current_year_compliance, fits={P.oic_collectibility: Fit.blocked}),
    ),
    (
        "open bankruptcy blocks an offer and every plan",
        person(**{**ARTICLE_A, "in_bankruptcy": True}),
        Expect(first=P.bankruptcy, fits={P.oic_collectibility: Fit.blocked, P.ppia: Fit.blocked}),
    ),
    (
        "state-only debt: outside the bot's scope",
        person(balance=D(20000), debt_scope="state"),
        Expect(only=[P.state_only], fits={P.state_only: Fit.blocked}),
    ),
    # --- penalty relief comes before a plan ------------------------------------------------------
    (
        "article (b): 50k with 20k penalties, clean history",
        person(
            balance=D(50000),
            penalty_amount=D(20000),
            prior_penalties=False,
            can_pay_in_180_days=False,
            monthly_payment=D(700),
        ),
        # §9.7: abatement covers one tax year, so the plan does not claim all 20,000 could come off.
        Expect(
            first=P.first_time_abatement,
            order=[P.first_time_abatement, P.streamlined_ia],
            fits={P.first_time_abatement: Fit.likely},
            est={
                (P.first_time_abatement, "penalty_savings"): None,
                (P.first_time_abatement, "balance_after_relief"): None,
            },
        ),
    ),
    (
        "penalty history unknown: abatement only possible",
        person(balance=D(20000), penalty_amount=D(3000), can_pay_in_180_days=True),
        Expect(first=P.first_time_abatement, fits={P.first_time_abatement: Fit.possible}),
    ),
    (
        "prior penalties: no first-time abatement, reasonable cause instead",
        person(
            balance=D(20000),
            penalty_amount=D(3000),
            prior_penalties=True,
            reasonable_cause=ReasonableCause.ILLNESS,
            can_pay_in_180_days=True,
        ),
        Expect(
            first=P.reasonable_cause, absent=[P.first_time_abatement], fits={P.reasonable_cause: Fit.possible}
        ),
    ),
    (
        "penalty amount unknown but penalties exist",
        person(
            balance=D(20000),
            penalty_amount=None,
            penalty_unknown=True,
            prior_penalties=False,
            can_pay_in_180_days=True,
        ),
        Expect(first=P.first_time_abatement, est={(P.first_time_abatement, "penalty_savings"): None}),
    ),
    (
        "no penalties: no abatement",
        person(balance=D(20000), can_pay_in_180_days=True),
        Expect(absent=[P.first_time_abatement, P.reasonable_cause]),
    ),
    # --- offers and CNC ---------------------------------------------------------------------------
    (
        "article (a): 80k owed, RCP 15k",
        person(**ARTICLE_A),
        Expect(
            first=P.oic_collectibility,
            order=[P.oic_collectibility, P.ppia],
            est={
                (P.oic_collectibility, "equity"): D(9000),
                (P.oic_collectibility, "disposable_income"): D(500),
                (P.oic_collectibility, "rcp_lump_sum"): D(15000),
                (P.oic_collectibility, "offer_lump_sum"): D(15000),
                (P.oic_collectibility, "offer_periodic"): D(21000),
                (P.oic_collectibility, "offer_periodic_monthly"): D(875),
                (P.oic_collectibility, "down_payment"): D(3000),
                (P.oic_collectibility, "application_fee"): D(205),
                (P.oic_collectibility, "low_income_waiver"): False,
            },
        ),
    ),
    (
        "income below allowable expenses: CNC before an offer",
        person(**SHORTFALL),
        Expect(
            first=P.cnc,
            order=[P.cnc, P.oic_collectibility],
            fits={P.cnc: Fit.likely},
            est={(P.cnc, "disposable_income"): D(0)},
        ),
    ),
    (
        "nothing the IRS could collect: CNC, an offer only possible and without an amount",
        person(**{**SHORTFALL, "monthly_payment": D(0)}),
        Expect(
            order=[P.cnc, P.oic_collectibility],
            fits={P.cnc: Fit.likely, P.oic_collectibility: Fit.possible},
            absent=[P.streamlined_ia, P.ppia],
            est={
                (P.oic_collectibility, "rcp_lump_sum"): D(0),
                (P.oic_collectibility, "offer_lump_sum"): None,
            },
        ),
    ),
    (
        "hardship, nothing to pay, no financial answers",
        person(balance=D(30000), hardship=Hardship.JOB_LOSS, monthly_payment=D(0), can_pay_in_180_days=False),
        Expect(
            fits={P.cnc: Fit.possible, P.oic_collectibility: Fit.possible},
            est={(P.oic_collectibility, "rcp_lump_sum"): None},
        ),
    ),
    (
        "can pay but hardship: effective tax administration",
        person(
            balance=D(20000),
            hardship=Hardship.MEDICAL,
            monthly_income=D(9000),
            household_size=2,
            asset_cash=D(30000),
            can_pay_in_180_days=False,
            monthly_payment=D(500),
        ),
        Expect(fits={P.oic_eta: Fit.possible}, absent=[P.oic_collectibility, P.cnc]),
    ),
    (
        "disputes the amount: doubt as to liability before a plan",
        person(balance=D(20000), disputes_amount=True, can_pay_in_180_days=True),
        Expect(order=[P.oic_liability, P.short_term_plan], fits={P.oic_liability: Fit.possible}),
    ),
    # --- special situations -------------------------------------------------------------------------
    (
        "innocent spouse before a plan, dated by the CDP notice",
        person(
            balance=D(20000),
            spouse_caused_debt=True,
            filing_status="mfj",
            latest_letter=Letter.FINAL_NOTICE,
            letter_date=ago(40),
        ),
        Expect(
            order=[P.equivalent_hearing, P.innocent_spouse],
            est={(P.innocent_spouse, "deadline"): date(2028, 2, 4)},
        ),
    ),
    (
        "combat zone",
        person(balance=D(20000), combat_zone=True, can_pay_in_180_days=True),
        Expect(order=[P.combat_zone, P.short_term_plan]),
    ),
    (
        "payroll debt at 25k: the owners' liability first, then IBTF Express with direct debit",
        person(balance=D(25000), taxpayer_kind="payroll", monthly_payment=D(2000)),
        Expect(
            first=P.trust_fund_penalty,
            order=[P.trust_fund_penalty, P.ibtf_express],
            fits={P.ibtf_express: Fit.likely},
            est={
                (P.ibtf_express, "months"): 24,
                (P.ibtf_express, "direct_debit_required"): True,
                (P.ibtf_express, "monthly_payment"): D(1042),
            },
        ),
    ),
    (
        "payroll debt just below 10k: direct debit optional",
        person(balance=D(9999), taxpayer_kind="payroll", monthly_payment=D(2000)),
        Expect(est={(P.ibtf_express, "direct_debit_required"): False}),
    ),
    (
        "payroll debt just above 25k: pay down or non-streamlined",
        person(balance=D(25001), taxpayer_kind="payroll", monthly_payment=D(2000)),
        Expect(
            fits={P.ibtf_express: Fit.possible, P.non_streamlined_ia: Fit.possible},
            absent=[P.short_term_plan, P.guaranteed_ia],
        ),
    ),
    (
        "no balance given: no payment route, still a plan",
        person(balance=None, latest_letter=Letter.CP14),
        Expect(absent=[P.streamlined_ia, P.short_term_plan]),
    ),
]


def _ids(cases: list[tuple[str, Answers, Expect]]) -> list[str]:
    return [c[0] for c in cases]


@pytest.mark.parametrize(("name", "answers", "expect"), CASES, ids=_ids(CASES))
def test_assessment_table(name: str, answers: Answers, expect: Expect) -> None:
    plan = assess(answers, TODAY)
    programs = plan.programs()
    if expect.only is not None:
        assert programs == expect.only
    if expect.first is not None:
        assert programs and programs[0] == expect.first, programs
    positions = [programs.index(p) for p in expect.order]
    assert positions == sorted(positions), programs
    for program, fit in expect.fits.items():
        rec = plan.get(program)
        assert rec is not None, f"{program} missing from {programs}"
        assert rec.fit == fit, (program, rec.fit)
        assert (rec.blocker is not None) == (fit == Fit.blocked)
    for program in expect.absent:
        assert program not in programs, programs
    for (program, attr), value in expect.est.items():
        rec = plan.get(program)
        assert rec is not None, f"{program} missing from {programs}"
        assert getattr(rec.estimates, attr) == value, (program, attr, getattr(rec.estimates, attr))
    if expect.urgent is not None:
        assert plan.urgent is expect.urgent
    if expect.days_left != "any":
        assert plan.days_left == expect.days_left


def test_article_a_offer_is_about_15000_and_far_below_the_balance() -> None:
    plan = assess(person(**ARTICLE_A), TODAY)
    oic = plan.get(P.oic_collectibility)
    assert oic is not None and oic.estimates.offer_lump_sum is not None
    assert abs(oic.estimates.offer_lump_sum - D(15000)) <= D(500)
    assert oic.estimates.offer_lump_sum < D(80000) * D("0.2")


def test_ddia_rule_and_fees_in_the_steps() -> None:
    plan = assess(person(balance=D(30000), monthly_payment=D(600), can_pay_in_180_days=False), TODAY)
    ids = [s.id for s in plan.get(P.streamlined_ia).next_steps]  # type: ignore[union-attr]
    assert "plan.step.fee_ddia" in ids and "plan.step.fee_choice" not in ids
    plan = assess(person(balance=D(20000), monthly_payment=D(600), can_pay_in_180_days=False), TODAY)
    ids = [s.id for s in plan.get(P.streamlined_ia).next_steps]  # type: ignore[union-attr]
    assert "plan.step.fee_choice" in ids


# --- low-income waiver at the 250% line --------------------------------------------------------------
# 2026 guidelines (§9.6). Household of 1, 48 states: 250% x $15,960 = $39,900 a year = $3,325 a month.
# The balance is far above what income could pay before the CSED, so an offer is in play in every row.


@pytest.mark.parametrize(
    ("income", "size", "residence", "waived"),
    [
        (D("3325.00"), 1, Residence.CONTIGUOUS, True),  # at the line
        (D("3325.01"), 1, Residence.CONTIGUOUS, False),  # just over
        (D("6875.00"), 4, Residence.CONTIGUOUS, True),  # $82,500 / 12
        (D("6875.01"), 4, Residence.CONTIGUOUS, False),
        (D("4000"), 1, Residence.ALASKA, True),  # $49,875 line in Alaska
        (D("4000"), 1, Residence.CONTIGUOUS, False),
    ],
)
def test_low_income_waiver_at_the_line(
    income: Decimal, size: int, residence: Residence, waived: bool
) -> None:
    answers = person(
        balance=D(500000),
        monthly_payment=D(0),
        can_pay_in_180_days=False,
        monthly_income=income,
        household_size=size,
        residence=residence,
        expense_housing=D(1000),
    )
    plan = assess(answers, TODAY)
    oic = plan.get(P.oic_collectibility)
    assert oic is not None
    assert oic.estimates.low_income_waiver is waived
    assert oic.estimates.application_fee == (D(0) if waived else D(205))
    ids = [s.id for s in oic.next_steps]
    assert ("plan.step.oic_low_income" in ids) is waived
    assert ("plan.step.oic_down_payment" in ids) is not waived


def test_financials_follow_the_standards() -> None:
    """Negative equity does not offset other assets; cash counts at face; 65+ health care is higher.

    The car's value implies a vehicle (screenings from before the vehicle questions); with no loan
    payment given, its ownership allowance is $0 and only the running costs count.
    """
    fin = financials(
        person(
            monthly_income=D(5000),
            household_size=2,
            members_65_plus=1,
            expense_housing=D(1500),
            expense_transport=D(600),
            vehicle_value=D(10000),
            vehicle_loan=D(20000),
            asset_cash=D(1000),
            home_value=D(100000),
            home_loan=D(50000),
        )
    )
    assert fin is not None
    # 1,481 (two people) + 83 + 158 + 1,500 housing + 600 running costs (car owned outright) = 3,822
    assert fin.allowable == D(3822)
    assert fin.disposable == D(1178)
    assert fin.equity.total == D(1000) + D(30000)  # the car's negative equity counts as 0
    assert fin.offer_equity == D(30000)  # the offer worksheet keeps the first $1,000 in the bank
    assert financials(person()) is None


def test_missing_financial_answers_still_assess() -> None:
    plan = assess(person(balance=D(120000), monthly_payment=D(300), can_pay_in_180_days=False), TODAY)
    oic = plan.get(P.oic_collectibility)
    assert oic is not None and oic.fit == Fit.possible
    assert oic.estimates.rcp_lump_sum is None and oic.estimates.offer_lump_sum is None


# --- properties every plan must have ---------------------------------------------------------------

PROMISES = (
    "guaranteed approval",
    "will be accepted",
    "will accept",
    "aprobación garantizada",
    "será aceptad",
)


@pytest.mark.parametrize(("name", "answers", "expect"), CASES, ids=_ids(CASES))
def test_every_plan_round_trips_disclaims_and_promises_nothing(
    name: str, answers: Answers, expect: Expect
) -> None:
    plan = assess(answers, TODAY)
    assert Plan.model_validate(plan.model_dump(mode="json")) == plan
    assert plan.disclaimer.id == "plan.disclaimer"
    for lang in ("en", "es"):
        text = "\n".join(m.plain for m in render_plan(plan, lang)).lower()
        for phrase in PROMISES:
            assert phrase not in text, (lang, phrase)
        assert len(plan_summary(plan, lang).splitlines()) == 2


def test_no_recommendation_is_certain() -> None:
    """Fits are likely / possible / blocked: nothing says the IRS will say yes."""
    assert {f.value for f in Fit} == {"likely", "possible", "blocked"}


# --- needs_financials ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answers", "needed"),
    [
        (person(balance=D(8000), can_pay_in_180_days=True), False),
        (person(balance=D(99999), can_pay_in_180_days=True, monthly_payment=D(0)), False),
        (person(balance=D(100000), can_pay_in_180_days=True, monthly_payment=D(5000)), True),  # over 50k
        (person(balance=D(50000), monthly_payment=D(700)), False),  # 700 x 72 = 50,400
        (person(balance=D(50001), monthly_payment=D(5000)), True),
        (person(balance=D(20000), monthly_payment=D(277)), True),  # 277 x 72 = 19,944
        (person(balance=D(20000), monthly_payment=D(278)), False),  # 278 x 72 = 20,016
        (person(balance=D(20000), monthly_payment=None), True),
        (person(balance=D(20000), monthly_payment=D(0)), True),
        (person(balance=D(20000), monthly_payment=D(500), hardship=Hardship.MEDICAL), True),
        (person(balance=D(20000), monthly_payment=D(500), hardship=None), False),
        (person(balance=D(80000), debt_scope="state"), False),
        (person(balance=D(80000), in_bankruptcy=True), False),
    ],
)
def test_needs_financials(answers: Answers, needed: bool) -> None:
    assert needs_financials(answers) is needed

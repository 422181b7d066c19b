"""The result of an assessment: an ordered plan of IRS programs, as plain data.

Why texts are message ids plus typed arguments rather than sentences: the same plan
is rendered in English and Spanish, to Telegram HTML and to a terminal, and stored
as JSON for the staff. Arguments keep their type (money, date, count, catalogue
key) so each language formats them its own way, and a JSON round trip gives back
the same plan.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class Program(StrEnum):
    # Deadlines and emergencies
    cdp_hearing = "cdp_hearing"
    equivalent_hearing = "equivalent_hearing"
    levy_release = "levy_release"
    levy_warning = "levy_warning"  # CP504: notice of intent to levy (IRC 6331(d))
    trust_fund_penalty = "trust_fund_penalty"  # payroll debt: the owners' personal liability (IRC 6672)
    cp2000_response = "cp2000_response"
    cp523_cure = "cp523_cure"
    # Blockers: must be dealt with before (most) programs can be used
    file_returns = "file_returns"
    current_year_compliance = "current_year_compliance"
    bankruptcy = "bankruptcy"
    state_only = "state_only"
    # Relief that lowers or removes the debt
    combat_zone = "combat_zone"
    innocent_spouse = "innocent_spouse"
    first_time_abatement = "first_time_abatement"
    reasonable_cause = "reasonable_cause"
    oic_liability = "oic_liability"
    audit_reconsideration = "audit_reconsideration"
    # Payment plans
    short_term_plan = "short_term_plan"
    guaranteed_ia = "guaranteed_ia"
    streamlined_ia = "streamlined_ia"
    non_streamlined_ia = "non_streamlined_ia"
    ibtf_express = "ibtf_express"  # In-Business Trust Fund Express, payroll taxes
    ppia = "ppia"
    # Before settling or pausing: what the person owns
    use_equity = "use_equity"
    # Settlement and pause
    oic_collectibility = "oic_collectibility"
    oic_eta = "oic_eta"
    cnc = "cnc"


class Fit(StrEnum):
    likely = "likely"
    possible = "possible"
    blocked = "blocked"


class Arg(BaseModel):
    """One typed argument of a message. Exactly one field is set.

    ``text`` is for anything free-form (escaped when rendered to HTML); ``key`` is a
    catalogue id rendered in the reader's language (a program name, a form label).
    """

    model_config = ConfigDict(frozen=True)

    money: Decimal | None = None
    number: int | None = None
    day: date | None = None
    text: str | None = None
    key: str | None = None


def money(value: Decimal) -> Arg:
    return Arg(money=value)


def number(value: int) -> Arg:
    return Arg(number=value)


def day(value: date) -> Arg:
    return Arg(day=value)


def text(value: str) -> Arg:
    return Arg(text=value)


def key(value: str) -> Arg:
    return Arg(key=value)


class Msg(BaseModel):
    """A catalogue message id (flows/locales/*/LC_MESSAGES/plan.po) with its arguments."""

    model_config = ConfigDict(frozen=True)

    id: str
    args: dict[str, Arg] = Field(default_factory=dict)


def msg(id: str, **args: Arg) -> Msg:
    return Msg(id=id, args=args)


class Estimates(BaseModel):
    """Numbers behind a recommendation. Every field is optional: only what applies is set."""

    monthly_payment: Decimal | None = None  # what the IRS is likely to ask for per month
    months: int | None = None  # over how many months
    affordable_monthly: Decimal | None = None  # what the person said they can pay
    statute_months: int | None = (
        None  # months left to the collection statute (CSED) used by the full-pay test
    )
    collectible: Decimal | None = None  # equity + disposable income x statute_months: the full-pay test
    setup_fee_online: Decimal | None = None
    setup_fee_phone: Decimal | None = None
    direct_debit_required: bool | None = None
    tax_estimate: Decimal | None = None  # balance minus known penalties (interest unknown)
    penalty_savings: Decimal | None = None  # penalties the relief could remove
    balance_after_relief: Decimal | None = None
    equity: Decimal | None = None  # net realizable equity in assets (for an offer: after Form 433-A (OIC))
    disposable_income: Decimal | None = None  # monthly income minus allowable expenses (>= 0)
    allowable_expenses: Decimal | None = None
    rcp_lump_sum: Decimal | None = None  # reasonable collection potential, lump-sum offer
    rcp_periodic: Decimal | None = None
    offer_lump_sum: Decimal | None = None
    offer_periodic: Decimal | None = None
    offer_periodic_monthly: Decimal | None = None
    down_payment: Decimal | None = None  # 20% of a lump-sum offer, sent with the application
    application_fee: Decimal | None = None
    low_income_waiver: bool | None = None
    deadline: date | None = None
    days_left: int | None = None


class Recommendation(BaseModel):
    program: Program
    fit: Fit
    reason: Msg  # the rule that fired, with its threshold
    blocker: Msg | None = None  # why it cannot be used yet (fit == blocked)
    next_steps: list[Msg] = Field(default_factory=list)
    estimates: Estimates = Field(default_factory=Estimates)
    urgent: bool = False


class Plan(BaseModel):
    """Ordered recommendations: urgent deadlines, blockers, penalty relief, best route, alternatives."""

    assessed_on: date
    balance: Decimal | None = None
    recommendations: list[Recommendation] = Field(default_factory=list)
    urgent: bool = False
    days_left: int | None = None  # the nearest open deadline
    deadline: date | None = None
    notes: list[Msg] = Field(default_factory=list)
    disclaimer: Msg = Field(default_factory=lambda: Msg(id="plan.disclaimer"))

    def programs(self) -> list[Program]:
        return [r.program for r in self.recommendations]

    def get(self, program: Program) -> Recommendation | None:
        return next((r for r in self.recommendations if r.program == program), None)

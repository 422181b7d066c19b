"""The case the rules read: the answers, typed once, and the IRS's arithmetic on them.

Why a typed case: every family of rules asks the same questions of the answers
(is it a business, is a return missing, what is left each month after the
expenses the IRS allows, how long can the IRS still collect). Working them out
once, here, keeps each rule module a pure function of a `Case` that reads like
the reference, and keeps the arithmetic in one place where the tests can pin it.

The arithmetic follows /work/shared/reference/irs-rules.md:
- allowable expenses (§6, §9.4): the national standard in full; out-of-pocket
  health care per person (higher from 65) on top of insurance premiums; housing
  as paid (we hold no county table, so the plan says it may be lower); vehicle
  ownership the lesser of the loan or lease payment and the standard, $0 without
  one, for at most two vehicles (one for a single person); running costs as
  paid (no regional table); the public-transport standard, without proof, for a
  household with no vehicle; current taxes, court-ordered payments and other
  necessary costs as paid;
- equity for the full-pay test (§2.3, §9.1): cash at face value, real estate and
  vehicles at quick-sale value (80%) minus their loans, investments and
  retirement accounts at market value; an asset under water counts as zero;
- equity for an offer (§9.5, Form 433-A (OIC)): the same, minus the bank and
  vehicle allowances of the offer worksheet;
- the collection statute (§3, §9.1): 10 years from assessment, counted from the
  earliest tax year owed; without it, the full 10 years, stated as an assumption.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

from flows import figures as F
from flows.answers import Answers, DebtScope, Hardship, Residence, TaxpayerKind

ZERO = Decimal(0)
ONE = Decimal(1)
CSED_MONTHS = F.CSED_YEARS.value * 12


def whole(amount: Decimal) -> Decimal:
    """Dollars, rounded half up: the figures a plan shows."""
    return amount.quantize(ONE, rounding=ROUND_HALF_UP)


def ceil(amount: Decimal) -> Decimal:
    """Monthly payments round up: a payment a dollar short would not clear the balance in time."""
    return amount.quantize(ONE, rounding=ROUND_CEILING)


def add_years(start: date, years: int) -> date:
    try:
        return start.replace(year=start.year + years)
    except ValueError:  # 29 February into a non-leap year
        return start.replace(year=start.year + years, day=28)


def months_between(start: date, end: date) -> int:
    """Whole months from ``start`` to ``end`` (0 when ``end`` is not later)."""
    months = (end.year - start.year) * 12 + end.month - start.month - (1 if end.day < start.day else 0)
    return max(0, months)


def quick_sale(value: Decimal | None, loan: Decimal | None) -> Decimal:
    """Net realizable equity of one asset: 80% of its value minus its loan; never below zero."""
    if not value:
        return ZERO
    return max(ZERO, value * F.QUICK_SALE_RATE.value - (loan or ZERO))


# ---------------------------------------------------------------- expenses and equity


@dataclass(frozen=True)
class Expenses:
    """Monthly allowable expenses, line by line, as the IRS would allow them."""

    national: Decimal  # food, clothing and other items: the standard, no proof needed
    health_care: Decimal  # out-of-pocket: the standard per person, or more as spent
    health_insurance: Decimal  # premiums, on top of the out-of-pocket standard
    housing: Decimal
    vehicle_ownership: Decimal  # lesser of the loan/lease payment and the standard; $0 without a loan
    vehicle_running: Decimal
    public_transport: Decimal  # the standard, for a household with no vehicle
    taxes: Decimal  # current federal, state and FICA taxes
    court_ordered: Decimal
    other: Decimal

    @property
    def total(self) -> Decimal:
        return (
            self.national
            + self.health_care
            + self.health_insurance
            + self.housing
            + self.vehicle_ownership
            + self.vehicle_running
            + self.public_transport
            + self.taxes
            + self.court_ordered
            + self.other
        )


def vehicles_of(a: Answers) -> int:
    """Vehicles the household has; answers without the count (stored before it was asked) infer one
    from a vehicle's value, loan or payment."""
    if a.vehicle_count is not None:
        return a.vehicle_count
    return 1 if (a.vehicle_value or a.vehicle_loan or a.vehicle_payment) else 0


def allowed_vehicles(a: Answers) -> int:
    """Vehicles the transportation standard allows: at most two, normally one for a single person."""
    cap = 1 if (a.household_size or 1) == 1 else F.TRANSPORT_MAX_VEHICLES.value
    return min(vehicles_of(a), cap)


def expenses(a: Answers) -> Expenses:
    size = a.household_size or 1
    cars = vehicles_of(a)
    ownership_cap = F.TRANSPORT_OWNERSHIP.value * allowed_vehicles(a)
    return Expenses(
        national=F.national_standard(size),
        health_care=max(F.health_care_standard(size, a.members_65_plus or 0), a.expense_health or ZERO),
        health_insurance=a.health_insurance or ZERO,
        housing=a.expense_housing or ZERO,
        vehicle_ownership=min(a.vehicle_payment or ZERO, ownership_cap),
        vehicle_running=(a.expense_transport or ZERO) if cars else ZERO,
        public_transport=ZERO if cars else F.TRANSPORT_PUBLIC.value,
        taxes=a.expense_taxes or ZERO,
        court_ordered=a.expense_court_ordered or ZERO,
        other=a.expense_other or ZERO,
    )


@dataclass(frozen=True)
class Equity:
    """Net realizable equity, asset by asset (before the offer worksheet's allowances)."""

    cash: Decimal
    home: Decimal
    vehicles: Decimal
    retirement: Decimal
    other: Decimal

    @property
    def total(self) -> Decimal:
        return self.cash + self.home + self.vehicles + self.retirement + self.other


def equity(a: Answers) -> Equity:
    return Equity(
        cash=a.asset_cash or ZERO,
        home=quick_sale(a.home_value, a.home_loan),
        vehicles=quick_sale(a.vehicle_value, a.vehicle_loan),
        retirement=a.retirement_value or ZERO,  # market value (§9.5): no quick-sale discount
        other=a.other_assets_value or ZERO,
    )


def offer_equity(a: Answers, e: Equity) -> Decimal:
    """Equity on the offer worksheet (Form 433-A (OIC)): bank balances minus an allowance, and each
    vehicle (up to two) minus another (figures.OIC_BANK_ALLOWANCE, OIC_VEHICLE_ALLOWANCE)."""
    cars = min(vehicles_of(a), F.OIC_VEHICLE_ALLOWANCE_MAX.value) or (1 if e.vehicles else 0)
    cash = max(ZERO, e.cash - F.OIC_BANK_ALLOWANCE.value)
    vehicles = max(ZERO, e.vehicles - F.OIC_VEHICLE_ALLOWANCE.value * cars)
    return cash + e.home + vehicles + e.retirement + e.other


@dataclass(frozen=True)
class Financials:
    """The Collection Financial Standards arithmetic behind a non-streamlined plan, PPIA, CNC and an offer."""

    income: Decimal
    expenses: Expenses
    allowable: Decimal
    disposable: Decimal  # income minus allowable expenses, never below zero
    shortfall: bool  # income does not cover the allowable expenses
    equity: Equity
    offer_equity: Decimal
    low_income: bool  # yearly income at or under 250% of the poverty guideline
    vehicles: int

    @property
    def net_equity(self) -> Decimal:
        return whole(self.equity.total)


def financials(a: Answers) -> Financials | None:
    """The IRS's arithmetic on the answers, or None when income was never asked."""
    if a.monthly_income is None:
        return None
    lines = expenses(a)
    raw = a.monthly_income - lines.total
    assets = equity(a)
    line = F.low_income_line(a.household_size or 1, a.residence or Residence.CONTIGUOUS)
    return Financials(
        income=a.monthly_income,
        expenses=lines,
        allowable=whole(lines.total),
        disposable=whole(max(ZERO, raw)),
        shortfall=raw <= 0,
        equity=assets,
        offer_equity=whole(offer_equity(a, assets)),
        low_income=a.monthly_income * 12 <= line,
        vehicles=vehicles_of(a),
    )


# ---------------------------------------------------------------- the collection statute


@dataclass(frozen=True)
class Statute:
    """Months left to the collection statute expiration date (CSED) of the earliest year owed."""

    months: int  # used by the full-pay test
    assumed: bool  # no (usable) earliest year: the full 10 years are assumed
    earliest_year: int | None = None
    expires: date | None = None  # the earliest year's CSED, from the assumed assessment date
    expired: bool = False  # that CSED is reached or under a month away (the rest of the debt is newer)


def statute(a: Answers, today: date) -> Statute:
    year = a.earliest_year
    if year is None:
        return Statute(F.CSED_ASSUMED_MONTHS.value, assumed=True)
    month, day = F.ASSESSMENT_MONTH_DAY.value
    expires = add_years(date(year + 1, month, day), F.CSED_YEARS.value)
    months = min(CSED_MONTHS, months_between(today, expires))
    if months == 0:  # reached, or less than a month away: that year counts for nothing more
        return Statute(
            F.CSED_ASSUMED_MONTHS.value, assumed=True, earliest_year=year, expires=expires, expired=True
        )
    return Statute(months, assumed=False, earliest_year=year, expires=expires)


# ---------------------------------------------------------------- the full-pay test (§9.1)


@dataclass(frozen=True)
class FullPay:
    """Equity plus disposable income x the months left to the CSED, against the balance.

    ``can_pay`` decides between paying over time and settling or pausing.
    ``close`` marks a "no" that the full 10 years would have turned into a "yes":
    the answer then hangs on assessment dates only a transcript shows.
    """

    collectible: Decimal
    can_pay: bool
    from_income: bool  # disposable income alone pays it before the CSED
    close: bool


def full_pay(balance: Decimal, fin: Financials, months: int) -> FullPay:
    from_income = fin.disposable * months
    collectible = fin.equity.total + from_income
    can_pay = collectible >= balance
    close = not can_pay and fin.equity.total + fin.disposable * CSED_MONTHS >= balance
    return FullPay(whole(collectible), can_pay, from_income >= balance, close)


# ---------------------------------------------------------------- the case


@dataclass(frozen=True)
class Case:
    """What every rule family reads, derived once from the answers and the day of the assessment."""

    a: Answers
    today: date
    balance: Decimal | None
    penalties: Decimal | None  # known penalty amount, > 0
    has_penalties: bool  # known > 0, or the person does not know the amount
    in_business: bool  # an operating business: business plans, business phone line
    payroll: bool  # payroll (trust-fund) taxes, operating or not
    closed_business: bool  # a closed business, treated as an individual
    phone: str
    unfiled: bool
    noncompliant: bool
    bankrupt: bool
    hardship: bool
    said_monthly: Decimal | None  # what the person said they can pay
    fin: Financials | None
    statute: Statute
    test: FullPay | None  # the full-pay test, when the financial picture is known

    @property
    def tax_estimate(self) -> Decimal | None:
        if self.balance is None:
            return None
        return max(ZERO, self.balance - (self.penalties or ZERO))

    @property
    def disposable(self) -> Decimal | None:
        return None if self.fin is None else self.fin.disposable

    @property
    def months(self) -> int:
        return self.statute.months


def is_business(a: Answers) -> bool:
    return a.taxpayer_kind in (TaxpayerKind.PAYROLL, TaxpayerKind.BUSINESS_OTHER)


def build_case(a: Answers, today: date) -> Case:
    penalties = a.penalty_amount if a.penalty_amount and a.penalty_amount > 0 else None
    business = is_business(a)
    closed = business and a.business_operating is False
    in_business = business and not closed
    fin = financials(a)
    law = statute(a, today)
    test = full_pay(a.balance, fin, law.months) if fin is not None and a.balance else None
    return Case(
        a=a,
        today=today,
        balance=a.balance,
        penalties=penalties,
        has_penalties=penalties is not None or bool(a.penalty_unknown),
        in_business=in_business,
        payroll=a.taxpayer_kind == TaxpayerKind.PAYROLL,
        closed_business=closed,
        phone=F.PHONE_BUSINESS.value if in_business else F.PHONE_INDIVIDUAL.value,
        unfiled=a.all_returns_filed is False,
        noncompliant=a.current_year_compliant is False,
        bankrupt=a.in_bankruptcy is True,
        hardship=a.hardship not in (None, Hardship.NONE),
        said_monthly=a.monthly_payment,
        fin=fin,
        statute=law,
        test=test,
    )


def federal(a: Answers) -> bool:
    return a.debt_scope in (DebtScope.FEDERAL, DebtScope.BOTH)

"""The validated answers of one screening.

Every field is optional because a screening fills them one question at a time and
skips what cannot change the outcome. The assessment reads only this model, so
it is the contract between the conversation (questions.py / machine.py) and the
rules (assessment.py). Values are JSON-friendly (Decimal serialises as a string)
so the bot can store them as they are.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class DebtScope(StrEnum):
    FEDERAL = "federal"
    STATE = "state"
    BOTH = "both"


class TaxpayerKind(StrEnum):
    PERSONAL = "personal"  # Form 1040
    PAYROLL = "payroll"  # business: payroll / trust-fund taxes (941)
    BUSINESS_OTHER = "business_other"  # business: other federal tax


class FilingStatus(StrEnum):
    SINGLE = "single"
    MARRIED_JOINT = "mfj"
    MARRIED_SEPARATE = "mfs"
    HEAD_OF_HOUSEHOLD = "hoh"


class Letter(StrEnum):
    NONE = "none"
    CP14 = "cp14"
    CP501_503 = "cp501_503"
    CP504 = "cp504"
    FINAL_NOTICE = "final_notice"  # LT11 / Letter 1058 / CP90: final notice with CDP hearing rights
    LIEN_3172 = "lien_3172"
    CP523 = "cp523"
    CP2000 = "cp2000"


class Hardship(StrEnum):
    NONE = "none"
    JOB_LOSS = "job_loss"
    MEDICAL = "medical"
    DIVORCE = "divorce"
    DISASTER = "disaster"
    FIXED_INCOME = "fixed_income"


class ReasonableCause(StrEnum):
    NONE = "none"
    ILLNESS = "illness"
    DEATH = "death"
    DISASTER = "disaster"
    RECORDS_LOST = "records_lost"


class Residence(StrEnum):
    """Drives the poverty-guideline table used for the low-income waivers."""

    CONTIGUOUS = "contiguous"  # 48 states + DC
    ALASKA = "alaska"
    HAWAII = "hawaii"


class Answers(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    # The debt
    balance: Decimal | None = None  # total federal balance, penalties and interest included
    debt_scope: DebtScope | None = None
    taxpayer_kind: TaxpayerKind | None = None
    business_operating: bool | None = None  # the business is still operating (False: closed)

    # Filing and compliance
    filing_status: FilingStatus | None = None
    all_returns_filed: bool | None = None
    unfiled_years: int | None = None
    current_year_compliant: bool | None = None  # withholding / estimated payments (deposits for employers)
    in_bankruptcy: bool | None = None

    # Urgency
    latest_letter: Letter | None = None
    letter_date: date | None = None  # when the latest letter arrived
    levy_started: bool | None = None  # levy or wage garnishment already started

    # Liability
    disputes_amount: bool | None = None

    # Penalties
    penalty_amount: Decimal | None = None
    penalty_unknown: bool | None = None  # True when the person does not know the penalty part
    prior_penalties: bool | None = None  # penalties in the three prior tax years
    reasonable_cause: ReasonableCause | None = None

    # Ability to pay
    can_pay_in_180_days: bool | None = None
    monthly_payment: Decimal | None = None  # what the person says they can afford per month
    # In the 5 years before the year owed: filed or paid late, or had an installment agreement (IRC 6159(c))
    prior_plan_or_late: bool | None = None

    # Financial picture (only where OIC / PPIA / CNC is in play)
    residence: Residence | None = None
    household_size: int | None = None
    members_65_plus: int | None = None
    monthly_income: Decimal | None = None  # gross household income per month, before taxes
    expense_taxes: Decimal | None = None  # current taxes: withheld from pay or paid as estimates
    expense_housing: Decimal | None = None  # rent or mortgage, utilities
    vehicle_count: int | None = None  # vehicles the household owns or leases
    vehicle_payment: Decimal | None = None  # car loan or lease payments (ownership cost)
    expense_transport: Decimal | None = (
        None  # running costs of the vehicles: gas, insurance, repairs, parking
    )
    health_insurance: Decimal | None = None  # health-insurance premiums
    expense_health: Decimal | None = None  # out-of-pocket health care (not premiums)
    expense_court_ordered: Decimal | None = None  # child support, alimony
    expense_other: Decimal | None = None  # child care, term life insurance
    asset_cash: Decimal | None = None  # cash and bank balances
    home_value: Decimal | None = None  # market value of real estate
    home_loan: Decimal | None = None  # mortgage balance
    vehicle_value: Decimal | None = None
    vehicle_loan: Decimal | None = None
    retirement_value: Decimal | None = None
    other_assets_value: Decimal | None = None
    earliest_year: int | None = None  # the oldest tax year owed (its CSED comes first)

    # Special situations
    hardship: Hardship | None = None
    spouse_caused_debt: bool | None = None  # joint return where the (ex-)spouse caused the debt
    combat_zone: bool | None = None

"""Every IRS figure the rules use, each with the date it applies from and its source.

Why one module: the figures change on the IRS's calendar (the Collection Financial
Standards every April, the poverty guidelines every January, fees now and then),
and a reviewer must be able to check each number against its page without reading
the rules. The tags ("S3", "S20" ...) are those of the Sources table in
/work/shared/reference/irs-rules.md.

``effective`` is the date the figure applies from when the source says so;
otherwise it is the date of the source page, and ``note`` says "undated source"
with the date the reference was compiled. A figure the reference marks ⚠ keeps
the caveat in its note so the renderer and the staff can see it.

Yearly update of the Collection Financial Standards: edit the "Collection
Financial Standards" block below (NATIONAL_STANDARDS, NATIONAL_STANDARD_EXTRA_PERSON,
HEALTH_CARE_*, TRANSPORT_*). Nothing else reads raw numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Generic, TypeVar

from flows.answers import Residence

T = TypeVar("T")

# When the reference (irs-rules.md) was compiled; used as the date of undated sources.
REFERENCE_COMPILED = date(2026, 4, 1)
UNDATED = "undated source; date is when irs-rules.md was compiled"


@dataclass(frozen=True)
class Figure(Generic[T]):
    """A value with the date it applies from (or its source's date) and where it comes from."""

    value: T
    effective: date
    source: str  # space-separated tags from irs-rules.md, e.g. "S3 S4"; "statute" for the IRC itself
    note: str = ""


def _d(amount: str) -> Decimal:
    return Decimal(amount)


# --- Payment plans (irs-rules.md §1) -------------------------------------------------------------

SHORT_TERM_LIMIT = Figure(
    _d("100000"), REFERENCE_COMPILED, "S3 S4 S5", "balance must be UNDER this; " + UNDATED
)
SHORT_TERM_DAYS = Figure(180, REFERENCE_COMPILED, "S3 S4 S5", UNDATED)
SHORT_TERM_FEE = Figure(_d("0"), date(2022, 8, 25), "S2 S5")

GUARANTEED_IA_TAX_LIMIT = Figure(
    _d("10000"),
    REFERENCE_COMPILED,
    "S7 S8",
    "tax only, not penalties or interest (IRC 6159(c)); no IA in the prior 5 years; " + UNDATED,
)
GUARANTEED_IA_MONTHS = Figure(36, REFERENCE_COMPILED, "S7 S8", "full payment within 3 years; " + UNDATED)

STREAMLINED_LIMIT = Figure(_d("50000"), date(2018, 9, 26), "S3 S6 S8", "tax + penalties + interest")
STREAMLINED_MONTHS = Figure(72, date(2018, 9, 26), "S3 S6 S8", "or the CSED if that comes first")
DDIA_REQUIRED_ABOVE = Figure(
    _d("25000"),
    date(2018, 9, 26),
    "S8 S9 S40",
    "balances $25,001-$50,000 must pay by direct debit or payroll",
)
NON_STREAMLINED_LIMIT = Figure(
    _d("250000"),
    date(2024, 5, 7),
    "S10",
    "⚠ sources disagree whether a financial statement (Form 433-F) is required above $50,000; "
    "we say it MAY be required",
)
LIEN_THRESHOLD = Figure(
    _d("10000"),
    REFERENCE_COMPILED,
    "S19-alt S49",
    "⚠ the exact figure is official-use-only (IRM 5.12.2); secondary sources say about $10,000",
)

# In-Business Trust Fund Express (payroll taxes).
IBTF_LIMIT = Figure(_d("25000"), date(2025, 3, 7), "S11 S41", "may pay down to qualify")
IBTF_MONTHS = Figure(24, date(2025, 3, 7), "S11 S41", "or the CSED if earlier")
IBTF_DDIA_FROM = Figure(_d("10000"), date(2025, 3, 7), "S11 S41", "DDIA required from $10,000 to $25,000")

# Setup fees. ⚠ Sources of different dates disagree: S1 (reads as 2025) gives $22/$107 (DDIA) and
# $69/$178 (not DDIA); the 2022 IRS text (S2, S40) gives $31/$107 and $130/$225. We use the most
# recent source and carry the caveat.
_FEE_NOTE = "⚠ S1 is undated (reads as 2025); older IRS text (S2, 08/25/2022) says {old}; confirm on irs.gov"
SETUP_FEE_DDIA_ONLINE = Figure(_d("22"), date(2025, 1, 1), "S1", _FEE_NOTE.format(old="$31"))
SETUP_FEE_DDIA_PHONE = Figure(_d("107"), date(2025, 1, 1), "S1", _FEE_NOTE.format(old="$107"))
SETUP_FEE_OTHER_ONLINE = Figure(_d("69"), date(2025, 1, 1), "S1", _FEE_NOTE.format(old="$130"))
SETUP_FEE_OTHER_PHONE = Figure(_d("178"), date(2025, 1, 1), "S1", _FEE_NOTE.format(old="$225"))
SETUP_FEE_LOW_INCOME = Figure(
    _d("43"), date(2018, 4, 10), "S1 S15 S40", "not direct debit; reimbursed once the plan is completed"
)
SETUP_FEE_LOW_INCOME_DDIA = Figure(_d("0"), date(2018, 4, 10), "S1 S15 S40", "waived with direct debit")
REINSTATE_FEE_ONLINE = Figure(_d("10"), date(2019, 1, 1), "S14 S15")
REINSTATE_FEE_PHONE = Figure(_d("89"), date(2022, 8, 25), "S14 S16")
REINSTATE_FEE_LOW_INCOME = Figure(_d("43"), date(2022, 8, 25), "S14 S16", "may be reimbursed")

# --- Offer in Compromise (§2) --------------------------------------------------------------------

OIC_FEE = Figure(_d("205"), date(2020, 3, 1), "S20 S23", "non-refundable")
OIC_LUMP_SUM_DOWN = Figure(_d("0.20"), REFERENCE_COMPILED, "S21", "20% of the offer with the application")
OIC_LUMP_SUM_MONTHS = Figure(5, REFERENCE_COMPILED, "S21", "paid in 5 or fewer payments within 5 months")
OIC_PERIODIC_MONTHS = Figure(24, REFERENCE_COMPILED, "S21 S24", "paid within 24 months")
RCP_LUMP_SUM_MULTIPLIER = Figure(12, REFERENCE_COMPILED, "S32", "months of future income, lump-sum offer")
RCP_PERIODIC_MULTIPLIER = Figure(24, REFERENCE_COMPILED, "S32", "months of future income, periodic offer")
QUICK_SALE_RATE = Figure(_d("0.80"), date(2022, 7, 7), "S31", "quick-sale value = 80% of market value")
LOW_INCOME_POVERTY_MULTIPLE = Figure(
    _d("2.5"), date(2019, 7, 2), "S25 S26", "250% of the HHS poverty guidelines (Taxpayer First Act)"
)

# --- CSED and deadlines (§3, §4.5, §5) -----------------------------------------------------------

CSED_YEARS = Figure(10, REFERENCE_COMPILED, "S44 S46", "10 years from assessment (IRC 6502)")
CDP_DAYS = Figure(30, REFERENCE_COMPILED, "S91 S92 S96 S97", "30 days from the date on the letter")
EQUIVALENT_HEARING_YEARS = Figure(1, REFERENCE_COMPILED, "S91 S92", "no Tax Court review, no CSED suspension")
CP2000_DAYS = Figure(30, REFERENCE_COMPILED, "S98 S99", "60 if outside the U.S.")
CP2000_DEFICIENCY_DAYS = Figure(90, REFERENCE_COMPILED, "S98", "to petition Tax Court after a CP3219A")
CP523_DAYS = Figure(30, REFERENCE_COMPILED, "S18 S19", "about 30 days")
INNOCENT_SPOUSE_YEARS = Figure(2, REFERENCE_COMPILED, "S77 S78", "after the first collection activity")
COMBAT_ZONE_EXTRA_DAYS = Figure(180, REFERENCE_COMPILED, "S79 S80", "after the last day in the zone")
FTA_CLEAN_YEARS = Figure(3, date(2020, 9, 15), "S57 S58 S59", "no penalties in the 3 prior tax years")

# --- Penalties and interest (§4) -----------------------------------------------------------------

FTP_RATE = Figure(_d("0.005"), REFERENCE_COMPILED, "S17", "per month, max 25%")
FTP_RATE_ON_PLAN = Figure(
    _d("0.0025"), REFERENCE_COMPILED, "S17", "per month on an approved plan, filed on time"
)
FTP_RATE_AFTER_LEVY_NOTICE = Figure(_d("0.01"), REFERENCE_COMPILED, "S17", "10 days after a notice of intent")
FTP_MAX = Figure(_d("0.25"), REFERENCE_COMPILED, "S17")
FTF_RATE = Figure(_d("0.05"), REFERENCE_COMPILED, "S17 S65", "per month or part-month")
FTF_MAX = Figure(_d("0.25"), REFERENCE_COMPILED, "S17 S65")
INTEREST_RATE = Figure(
    _d("0.07"),
    date(2026, 1, 1),
    "S72 S73",
    "Q1 2026, compounded daily; ⚠ Q2 2026 sources conflict (6% per S75, 7% forecast per S74)",
)

# --- Phone numbers and forms ---------------------------------------------------------------------

PHONE_INDIVIDUAL = Figure("800-829-1040", REFERENCE_COMPILED, "S44 S60")
PHONE_BUSINESS = Figure("800-829-4933", REFERENCE_COMPILED, "S41")
PHONE_PRACTITIONER = Figure("866-860-4259", REFERENCE_COMPILED, "S61", "low-grade host for this number")

FORM_IA = Figure("9465", REFERENCE_COMPILED, "S15 S40")
FORM_CIS_LONG = Figure("433-A", REFERENCE_COMPILED, "S12 S13 S50")
FORM_CIS_SHORT = Figure("433-F", REFERENCE_COMPILED, "S12 S13 S50")
FORM_OIC = Figure("656", REFERENCE_COMPILED, "S20 S22")
FORM_OIC_BOOKLET = Figure("656-B", REFERENCE_COMPILED, "S110")
FORM_OIC_LIABILITY = Figure("656-L", REFERENCE_COMPILED, "S35 S37")
FORM_ABATEMENT = Figure("843", date(2021, 12, 1), "S62 S61 S63", "revision 12-2021")
FORM_INNOCENT_SPOUSE = Figure("8857", REFERENCE_COMPILED, "S76 S77")
FORM_CDP = Figure("12153", REFERENCE_COMPILED, "S91 S92 S96")
FORM_LOW_INCOME_FEE = Figure("13844", REFERENCE_COMPILED, "S15 S40")

# --- Collection Financial Standards (§6): the yearly update lives here -----------------------------

_NS_EFFECTIVE = date(2025, 4, 21)
NATIONAL_STANDARDS = Figure(
    {1: _d("839"), 2: _d("1481"), 3: _d("1753"), 4: _d("2129")},
    _NS_EFFECTIVE,
    "S100",
    "food, housekeeping, apparel, personal care, miscellaneous; monthly total by household size",
)
NATIONAL_STANDARD_EXTRA_PERSON = Figure(_d("394"), _NS_EFFECTIVE, "S100", "each person beyond 4")
HEALTH_CARE_UNDER_65 = Figure(
    _d("83"), date(2024, 4, 22), "S103 S104", "⚠ 2024 figure: the 2025 out-of-pocket figures were not found"
)
HEALTH_CARE_65_PLUS = Figure(
    _d("158"), date(2024, 4, 22), "S103 S104", "⚠ 2024 figure: the 2025 out-of-pocket figures were not found"
)
TRANSPORT_OWNERSHIP = Figure(
    _d("662"),
    date(2025, 4, 21),
    "S106",
    "⚠ low confidence: single unverified source, may be the 2024 figure; per vehicle, up to 2",
)
TRANSPORT_PUBLIC = Figure(
    _d("244"),
    date(2025, 4, 21),
    "S106",
    "⚠ low confidence: single unverified source, may be the 2024 figure; per household",
)

# --- HHS poverty guidelines (§2.2), for the low-income waivers -------------------------------------
# Stored as HHS publishes them (first person + each additional person); the 250% multiple is
# LOW_INCOME_POVERTY_MULTIPLE. ⚠ The IRS prints its own table in Form 656-B; check it.

POVERTY_GUIDELINES = Figure(
    {
        Residence.CONTIGUOUS: (_d("15650"), _d("5500")),
        Residence.ALASKA: (_d("19550"), _d("6880")),
        Residence.HAWAII: (_d("17990"), _d("6330")),
    },
    date(2025, 1, 17),
    "S27 S28",
    "2025 HHS guidelines; ⚠ 2026 guidelines published Jan 15, 2026 but IRS adoption for OIC is unknown",
)


# --- Lookups -------------------------------------------------------------------------------------


def national_standard(household_size: int) -> Decimal:
    """Monthly national-standard allowance for food, clothing and other items."""
    size = max(1, household_size)
    table = NATIONAL_STANDARDS.value
    top = max(table)
    if size <= top:
        return table[size]
    return table[top] + NATIONAL_STANDARD_EXTRA_PERSON.value * (size - top)


def health_care_standard(household_size: int, members_65_plus: int) -> Decimal:
    """Monthly out-of-pocket health-care allowance: per person, higher for people 65 and older."""
    size = max(1, household_size)
    older = min(max(0, members_65_plus), size)
    return HEALTH_CARE_UNDER_65.value * (size - older) + HEALTH_CARE_65_PLUS.value * older


def low_income_line(household_size: int, residence: Residence) -> Decimal:
    """Yearly income at 250% of the poverty guideline for this household: the waiver line."""
    first, each = POVERTY_GUIDELINES.value[residence]
    size = max(1, household_size)
    return (first + each * (size - 1)) * LOW_INCOME_POVERTY_MULTIPLE.value


def all_figures() -> dict[str, Figure[object]]:
    """Every figure in this module by name, so a test can hold each to having a source and a date."""
    return {name: value for name, value in globals().items() if isinstance(value, Figure)}

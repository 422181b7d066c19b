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

``source`` holds tags of the reference: "S12" is a row of its Sources table,
"§9.5" a section of its practitioner review (§9), whose sources are the IRM,
the Code and IRS forms rather than numbered pages. Where §9 marks a figure
secondary ([2nd]) or the reference marks it ⚠, ``checked`` records what a search
of the public corpus found for it: the page, what it says, and whether that
confirms the value. An unconfirmed figure keeps the value the reference
supports and says so.

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
class Check:
    """What a search for a secondary or ⚠ figure found (the search corpus, not the live irs.gov)."""

    found: str  # what the page says about the figure
    where: str  # URL, and title or date where the page gives them
    confirmed: bool  # True only when the page states the value the figure uses


@dataclass(frozen=True)
class Figure(Generic[T]):
    """A value with the date it applies from (or its source's date) and where it comes from."""

    value: T
    effective: date
    source: str  # space-separated tags of irs-rules.md: "S3 S4" (Sources table), "§9.4" (practitioner review)
    note: str = ""
    checked: tuple[Check, ...] = ()


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
    "S7 S8 §9.7",
    "tax only, not penalties or interest (IRC 6159(c)); in the 5 years before, no late filing or paying "
    "and no installment agreement; " + UNDATED,
)
GUARANTEED_IA_MONTHS = Figure(36, REFERENCE_COMPILED, "S7 S8", "full payment within 3 years; " + UNDATED)
GUARANTEED_IA_LOOKBACK_YEARS = Figure(
    5, REFERENCE_COMPILED, "S7 S8 §9.7", "IRC 6159(c): the preceding 5 years; " + UNDATED
)

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

# In-business taxpayers who owe income tax only (not payroll): streamlined up to $25,000 over 72 months.
BUSINESS_STREAMLINED_LIMIT = Figure(
    _d("25000"),
    date(2018, 9, 26),
    "S6 §9.10",
    "in-business, income tax only; a closed sole proprietor is treated as an individual (STREAMLINED_LIMIT)",
)
BUSINESS_DDIA_ABOVE = Figure(
    _d("10000"), date(2022, 8, 25), "S40", "businesses owing more than $10,000 must pay by direct debit"
)
BUSINESS_STREAMLINED_MONTHS = Figure(72, date(2018, 9, 26), "S6 §9.10", "or the CSED if that comes first")

# Setup fees. The reduced fees took effect July 1, 2024 (IRM 5.14.1, 07-02-2024, per irs-rules.md §9.11);
# S1 gives the values. ⚠ A 2026-03-03 transcription of irs.gov gives $29 (online, direct debit) and $6
# (online revision); search could not confirm it, so the reference's values stay.
_FEE_SEARCH = (
    Check(
        "IRS payment-plan page as of 08/25/2022: $31 / $107 (direct debit), $130 / $225 (other), "
        "$43 low income, revisions $10 / $89",
        "https://rampacpa.com/what-are-payment-plan-costs-and-fees-long-term-payment-plan-part-iv/",
        False,
    ),
    Check(
        "no page in the corpus gives the July 2024 fees or the $29 / $6 figures of 2026",
        "search: 'IRS payment plan fees July 1 2024 $22 $69', 'setup fee $29 revise $6 2026'",
        False,
    ),
)
_FEE_NOTE = (
    "⚠ July 2024 fees (S1, §9.11); older IRS text (S2, 08/25/2022) says {old}; $29/$6 of 2026 unconfirmed"
)
_FEES_FROM = date(2024, 7, 1)
SETUP_FEE_DDIA_ONLINE = Figure(_d("22"), _FEES_FROM, "S1 §9.11", _FEE_NOTE.format(old="$31"), _FEE_SEARCH)
SETUP_FEE_DDIA_PHONE = Figure(_d("107"), _FEES_FROM, "S1 §9.11", _FEE_NOTE.format(old="$107"), _FEE_SEARCH)
SETUP_FEE_OTHER_ONLINE = Figure(_d("69"), _FEES_FROM, "S1 §9.11", _FEE_NOTE.format(old="$130"), _FEE_SEARCH)
SETUP_FEE_OTHER_PHONE = Figure(_d("178"), _FEES_FROM, "S1 §9.11", _FEE_NOTE.format(old="$225"), _FEE_SEARCH)
SETUP_FEE_LOW_INCOME = Figure(
    _d("43"), date(2018, 4, 10), "S1 S15 S40", "not direct debit; reimbursed once the plan is completed"
)
SETUP_FEE_LOW_INCOME_DDIA = Figure(_d("0"), date(2018, 4, 10), "S1 S15 S40", "waived with direct debit")
REINSTATE_FEE_ONLINE = Figure(_d("10"), date(2019, 1, 1), "S14 S15")
REINSTATE_FEE_PHONE = Figure(_d("89"), date(2022, 8, 25), "S14 S16")
REINSTATE_FEE_LOW_INCOME = Figure(_d("43"), date(2022, 8, 25), "S14 S16", "may be reimbursed")

# --- Offer in Compromise (§2, §9.1, §9.5) ----------------------------------------------------------

OIC_FEE = Figure(_d("205"), date(2020, 3, 1), "S20 S23", "non-refundable")
OIC_LUMP_SUM_DOWN = Figure(_d("0.20"), REFERENCE_COMPILED, "S21", "20% of the offer with the application")
OIC_LUMP_SUM_MONTHS = Figure(5, REFERENCE_COMPILED, "S21", "paid in 5 or fewer payments within 5 months")
OIC_PERIODIC_MONTHS = Figure(24, REFERENCE_COMPILED, "S21 S24", "paid within 24 months")
_RCP_MONTHS_CHECK = (
    Check(
        "Form 656-B worksheet: 'The multipliers below (12 and 24) and the calculated offer amount do not "
        "apply "
        "if IRS determines you have the ability to pay your tax debt in full within the legal period to "
        "collect'",
        "https://www.formsbank.com/template/306468/form-656-b-offer-in-compromise-booklet.html?page=15",
        True,
    ),
    Check(
        "IRM 5.8.5.5 (2005), quoted by the Tax Court: future income is projected 'for the number of months "
        "remaining on the statutory period for collection' (deferred-payment offers)",
        "https://law.onecle.com/tax/2008/lloy2d.tcm.wpd054.html",
        True,
    ),
)
RCP_LUMP_SUM_MULTIPLIER = Figure(
    12,
    REFERENCE_COMPILED,
    "S32 §9.1",
    "months of future income, lump-sum offer; fewer if the CSED is nearer",
    _RCP_MONTHS_CHECK,
)
RCP_PERIODIC_MULTIPLIER = Figure(
    24,
    REFERENCE_COMPILED,
    "S32 §9.1",
    "months of future income, periodic offer; fewer if the CSED is nearer",
    _RCP_MONTHS_CHECK,
)
QUICK_SALE_RATE = Figure(_d("0.80"), date(2022, 7, 7), "S31", "quick-sale value = 80% of market value")
LOW_INCOME_POVERTY_MULTIPLE = Figure(
    _d("2.5"), date(2019, 7, 2), "S25 S26", "250% of the HHS poverty guidelines (Taxpayer First Act)"
)

# Form 433-A (OIC) equity allowances: they belong to the offer worksheet, after the full-pay test (§9.1).
_OIC_FORM_REV = date(2026, 4, 1)
_OIC_FORM_CHECK = (
    Check(
        "no copy of Form 433-A (OIC) (Rev. 4-2026) in the corpus; the only hit for the vehicle figure is an "
        "unverified calculator ('QSV (80%) minus $3,450 ... per vehicle (max 2 vehicles)')",
        "search: 'Form 433-A (OIC) $1,000 $3,450 $11,980'; find_string 'minus $3,450'",
        False,
    ),
)
OIC_BANK_ALLOWANCE = Figure(
    _d("1000"), _OIC_FORM_REV, "§9.5", "⚠ [2nd] bank balances count minus this; unconfirmed", _OIC_FORM_CHECK
)
OIC_VEHICLE_ALLOWANCE = Figure(
    _d("3450"),
    _OIC_FORM_REV,
    "§9.5",
    "⚠ [2nd] per vehicle used for work or the household, up to 2; unconfirmed",
    _OIC_FORM_CHECK,
)
OIC_VEHICLE_ALLOWANCE_MAX = Figure(2, _OIC_FORM_REV, "§9.5", "⚠ [2nd] vehicles; unconfirmed", _OIC_FORM_CHECK)

# --- CSED and deadlines (§3, §4.5, §5, §9.8, §9.9) -----------------------------------------------

CSED_YEARS = Figure(10, REFERENCE_COMPILED, "S44 S46", "10 years from assessment (IRC 6502)")
# Without the tax years owed the full-pay test assumes the whole 10 years are left, and says so: of the
# assumptions open to us it is the one that never makes an offer look likelier than it is.
CSED_ASSUMED_MONTHS = Figure(120, REFERENCE_COMPILED, "S44 S46 §9.1", "assumption when the years are unknown")
# A timely return is assessed soon after its due date (April 15 of the next year); a late return or an
# audit is assessed later, which leaves the IRS more time. The earliest year's CSED is counted from here.
ASSESSMENT_MONTH_DAY = Figure((4, 15), REFERENCE_COMPILED, "S44 S46 §9.1", "assumed assessment date")
CDP_DAYS = Figure(30, REFERENCE_COMPILED, "S91 S92 S96 S97", "30 days from the date on the letter")
LIEN_NOTICE_BUSINESS_DAYS = Figure(
    5,
    REFERENCE_COMPILED,
    "S96 S97 §9.9",
    "IRC 6320(a)(3)(B): the 30 days start after the 5 business days that follow the lien's filing",
)
EQUIVALENT_HEARING_YEARS = Figure(1, REFERENCE_COMPILED, "S91 S92", "no Tax Court review, no CSED suspension")
CP2000_DAYS = Figure(30, REFERENCE_COMPILED, "S98 S99", "60 if outside the U.S.")
CP2000_DEFICIENCY_DAYS = Figure(90, REFERENCE_COMPILED, "S98", "to petition Tax Court after a CP3219A")
CP523_DAYS = Figure(30, REFERENCE_COMPILED, "S18 S19", "about 30 days")
INNOCENT_SPOUSE_YEARS = Figure(
    2,
    REFERENCE_COMPILED,
    "S77 S78 §9.8",
    "IRC 6015(b)/(c) only (understatements), after the first collection activity; equitable relief (f) "
    "while the CSED is open",
    (
        Check(
            "Notice 2011-70: the IRS considers 6015(f) requests 'if the period of limitation on collection "
            "of "
            "taxes provided by section 6502 remains open'; the 2-year limit stays for (b) and (c)",
            "https://taxnotes.com/lr/resolve//1ftt7 (Notice 2011-70, Jul 25, 2011)",
            True,
        ),
    ),
)
COMBAT_ZONE_EXTRA_DAYS = Figure(180, REFERENCE_COMPILED, "S79 S80", "after the last day in the zone")
FTA_CLEAN_YEARS = Figure(
    3,
    date(2020, 9, 15),
    "S57 S58 S59 §9.7",
    "no penalties (other than the estimated-tax penalty) in the 3 prior tax years; one period, the earliest",
    (
        Check(
            "IRM 20.1.1.3.3.2.1: FTA 'can only apply to a single tax period ... penalty relief based on FTA "
            "only "
            "applies to the earliest tax period'; prior estimated-tax penalties are excepted",
            "https://traderstatus.com/tax-planning/irs-penalties/first-time-abate-irm (reproduces the IRM)",
            True,
        ),
    ),
)
UNFILED_ENFORCED_YEARS = Figure(
    6,
    REFERENCE_COMPILED,
    "§9.10",
    "Policy Statement P-5-133: enforcement normally for not more than six years",
    (
        Check(
            "P-5-133 (IRM 1.2.14.1.18): 'Normally ... enforcement of delinquency procedures for not more "
            "than six "
            "(6) years'; an offer still needs all delinquent returns",
            "https://freshstarttax.com/long-irs-enforce-unfiled-tax-returns-irs-agent ; "
            "https://klasing-associates.com/question/file-every-delinquent-tax-return-every-missing-tax-year",
            True,
        ),
    ),
)
TFRP_APPEAL_DAYS = Figure(
    60,
    REFERENCE_COMPILED,
    "§9.10",
    "Letter 1153 (IRC 6672)",
    (
        Check(
            "Letter 1153: 'file a formal protest with the IRS Office of Appeals within 60 days of the "
            "letter's "
            "date' (practitioner pages, several agree)",
            "https://businesstaxrelief.com/irs-notice-decoder/irs-letter-1153 ; "
            "https://www.wtaxattorney.com/tax-problems/business/trust-fund-recovery/fight-tfrp-letter-1153",
            True,
        ),
    ),
)
LIEN_WITHDRAWAL_LIMIT = Figure(
    _d("25000"),
    date(2011, 4, 7),
    "§9.9",
    "direct-debit plan, three payments made (Fresh Start; IRC 6323(j)(2)(B))",
    (
        Check(
            "archived irs.gov 'Fresh Start Notice of Federal Tax Liens': lien withdrawal after entering a "
            "Direct "
            "Debit installment agreement, Form 12277; IRS video script: 'if you owe $25,000 or less'",
            "https://webarchive.library.unt.edu/web/20120915160956/http://www.irs.gov/Businesses/"
            "Small-Businesses-&-Self-Employed/Fresh-Start-Notice-of-Federal-Tax-Liens",
            True,
        ),
        Check(
            "'A direct debit installment agreement may qualify a taxpayer for withdrawal of a lien after 3 "
            "months "
            "of probation' (IRC 6323(j)(2)(B); SBSE-05-0411-036)",
            "https://probonodeskmanual.loyno.edu/node/461",
            True,
        ),
    ),
)
LIEN_WITHDRAWAL_PAYMENTS = Figure(3, date(2011, 4, 7), "§9.9", "payments made before the request")

# --- Penalties and interest (§4) -----------------------------------------------------------------

FTP_RATE = Figure(_d("0.005"), REFERENCE_COMPILED, "S17", "per month, max 25%")
FTP_RATE_ON_PLAN = Figure(
    _d("0.0025"), REFERENCE_COMPILED, "S17", "per month on an approved plan, filed on time"
)
FTP_RATE_AFTER_LEVY_NOTICE = Figure(_d("0.01"), REFERENCE_COMPILED, "S17", "10 days after a notice of intent")
FTP_MAX = Figure(_d("0.25"), REFERENCE_COMPILED, "S17")
FTF_RATE = Figure(_d("0.05"), REFERENCE_COMPILED, "S17 S65", "per month or part-month")
FTF_MAX = Figure(_d("0.25"), REFERENCE_COMPILED, "S17 S65")
# The rate of one quarter; the plan names the quarter (INTEREST_QUARTER_END) and never says "currently".
INTEREST_RATE = Figure(
    _d("0.07"),
    date(2026, 1, 1),
    "S72 S73 §9.11",
    "Q1 2026 (Jan 1 - Mar 31), compounded daily; ⚠ Q2 2026 unconfirmed (6% per S75, 7% forecast per S74)",
    (
        Check(
            "Rev. Rul. 2025-22: 7% for underpayments for the calendar quarter beginning January 1, 2026",
            "https://kpmg.com/us/en/taxnewsflash/news/2025/11/rev-rul-2025-22-interest-rates-tax-underpayments-"
            "overpayments-q1-2026.html (Nov 2025)",
            True,
        ),
        Check(
            "Q2 2026: only legalclarity.org says 6%; ustaxpenaltysaver.com forecast 7% before the "
            "announcement; "
            "no Revenue Ruling or IRS release for Q2 2026 in the corpus",
            "https://legalclarity.org/irs-underpayment-interest-rate-how-its-set-and-adjusted/ ; "
            "https://ustaxpenaltysaver.com/en/blog/irs-interest-rate-q1-q2-2026-update",
            False,
        ),
    ),
)
INTEREST_QUARTER_END = Figure(
    date(2026, 3, 31), date(2026, 1, 1), "S72 S73", "last day of INTEREST_RATE's quarter"
)

# --- Phone numbers and forms ---------------------------------------------------------------------

PHONE_INDIVIDUAL = Figure("800-829-1040", REFERENCE_COMPILED, "S44 S60")
PHONE_BUSINESS = Figure("800-829-4933", REFERENCE_COMPILED, "S41")
PHONE_PRACTITIONER = Figure("866-860-4259", REFERENCE_COMPILED, "S61", "low-grade host for this number")

FORM_IA = Figure("9465", REFERENCE_COMPILED, "S15 S40")
FORM_CIS_LONG = Figure("433-A", REFERENCE_COMPILED, "S12 S13 S50")
FORM_CIS_SHORT = Figure("433-F", REFERENCE_COMPILED, "S12 S13 S50")
FORM_CIS_BUSINESS = Figure("433-B", REFERENCE_COMPILED, "§9.5", "a business's collection statement")
FORM_CIS_OIC = Figure(
    "433-A (OIC)", REFERENCE_COMPILED, "§9.5", "not the same form as the 433-A for collection"
)
FORM_CIS_OIC_BUSINESS = Figure("433-B (OIC)", REFERENCE_COMPILED, "§9.5")
FORM_OIC = Figure("656", REFERENCE_COMPILED, "S20 S22")
FORM_OIC_BOOKLET = Figure("656-B", REFERENCE_COMPILED, "S110")
FORM_OIC_LIABILITY = Figure("656-L", REFERENCE_COMPILED, "S35 S37")
FORM_ABATEMENT = Figure("843", date(2021, 12, 1), "S62 S61 S63", "revision 12-2021")
FORM_INNOCENT_SPOUSE = Figure("8857", REFERENCE_COMPILED, "S76 S77")
FORM_CDP = Figure("12153", REFERENCE_COMPILED, "S91 S92 S96")
FORM_LOW_INCOME_FEE = Figure("13844", REFERENCE_COMPILED, "S15 S40")
FORM_CAP = Figure(
    "9423", REFERENCE_COMPILED, "§9.9", "Collection Appeals Program: levy, lien, plan rejection"
)
FORM_LIEN_WITHDRAWAL = Figure("12277", date(2011, 4, 7), "§9.9", "see LIEN_WITHDRAWAL_LIMIT's search record")
LETTER_TFRP = Figure("1153", REFERENCE_COMPILED, "§9.10", "proposed Trust Fund Recovery Penalty")

# --- Collection Financial Standards (§6, §9.4): the yearly update lives here ---------------------

_NS_EFFECTIVE = date(2025, 4, 21)
_NS_CHECK = (
    Check(
        "'the current set took effect April 21, 2025' (a CPA firm's 2025 guide)",
        "https://edparsonscpa.com/irs-collection-financial-standards-2025",
        True,
    ),
    Check(
        "2026 standards: one practitioner site says the IRS postponed the 2026 update from April to June "
        "2026; "
        "no irs.gov page or figures for June 29, 2026 in the corpus, so the April 21, 2025 figures stay",
        "https://www.taxrelief101.com/news/irs-collection-pause-2026",
        False,
    ),
)
NATIONAL_STANDARDS = Figure(
    {1: _d("839"), 2: _d("1481"), 3: _d("1753"), 4: _d("2129")},
    _NS_EFFECTIVE,
    "S100 §9.11",
    "food, housekeeping, apparel, personal care, miscellaneous; monthly total by household size, allowed in "
    "full without proof; ⚠ [2nd] newer standards reported from June 29, 2026, unconfirmed",
    _NS_CHECK,
)
NATIONAL_STANDARD_EXTRA_PERSON = Figure(_d("394"), _NS_EFFECTIVE, "S100", "each person beyond 4", _NS_CHECK)
_HEALTH_CHECK = (
    Check(
        "U.S. Trustee copy of the IRS table: out of pocket, under 65 $83, 65 and older $158 (standards of "
        "April 22, 2024); IRS text: the standard is allowed per person 'in addition to the amount taxpayers "
        "pay "
        "for health insurance'",
        "https://www.justice.gov/ust/eo/bapcpa/20240515/bci_data/national_oop_healthcare.htm ; "
        "https://taxresolutionacademy.com/19083-2/",
        True,
    ),
)
HEALTH_CARE_UNDER_65 = Figure(
    _d("83"),
    date(2024, 4, 22),
    "S103 S104 §9.4",
    "⚠ 2024 figure: the 2025 out-of-pocket figures were not found; premiums are allowed on top",
    _HEALTH_CHECK,
)
HEALTH_CARE_65_PLUS = Figure(
    _d("158"),
    date(2024, 4, 22),
    "S103 S104 §9.4",
    "⚠ 2024 figure: the 2025 out-of-pocket figures were not found; premiums are allowed on top",
    _HEALTH_CHECK,
)
_TRANSPORT_CHECK = (
    Check(
        "irs.gov Local Standards: Transportation (standards of April 22, 2024): per car the lesser of the "
        "loan or "
        "lease payment and the ownership cost; 'If a taxpayer has no lease or car loan payment, the amount "
        "allowed for Ownership Costs will be $0'; up to two cars, 'A single taxpayer is normally allowed "
        "one'; "
        "operating costs the lesser of actual and the regional standard; taxpayers with no vehicle are "
        "allowed "
        "the public-transportation standard per household. The dollar figures are not in the excerpt.",
        "https://www.irs.gov/es/businesses/small-businesses-self-employed/local-standards-transportation",
        False,
    ),
)
TRANSPORT_OWNERSHIP = Figure(
    _d("662"),
    date(2025, 4, 21),
    "S106 §9.4",
    "⚠ low confidence: single unverified source, may be the 2024 figure; per vehicle, up to 2; $0 without a "
    "loan or lease",
    _TRANSPORT_CHECK,
)
TRANSPORT_PUBLIC = Figure(
    _d("244"),
    date(2025, 4, 21),
    "S106 §9.4",
    "⚠ low confidence: single unverified source, may be the 2024 figure; per household with no vehicle, "
    "allowed without proof",
    _TRANSPORT_CHECK,
)
TRANSPORT_MAX_VEHICLES = Figure(
    2, date(2024, 4, 22), "S105 §9.4", "one for a single person", _TRANSPORT_CHECK
)

# --- HHS poverty guidelines (§2.2, §9.6), for the low-income waivers -------------------------------
# Stored as HHS publishes them (first person + each additional person); the 250% multiple is
# LOW_INCOME_POVERTY_MULTIPLE. ⚠ The IRS prints its own table in Form 656-B; whether it has moved to the
# 2026 guidelines is unknown (§2.2); §9.6 says to use them.

POVERTY_GUIDELINES = Figure(
    {
        Residence.CONTIGUOUS: (_d("15960"), _d("5680")),
        Residence.ALASKA: (_d("19950"), _d("7100")),
        Residence.HAWAII: (_d("18360"), _d("6530")),
    },
    date(2026, 1, 13),
    "S29 S30 §9.6",
    "2026 HHS guidelines (FR Doc 2026-00755); ⚠ Alaska and Hawaii per-person amounts single-source; the "
    "IRS's "
    "own Form 656-B table not seen",
    (
        Check(
            "Federal Register Vol. 91 No. 10 (Jan 15, 2026), FR Doc 2026-00755, Annual Update of the HHS "
            "Poverty "
            "Guidelines, effective January 13, 2026 (the table is not in the excerpt)",
            "https://www.govinfo.gov/content/pkg/FR-2026-01-15/html/2026-00755.htm",
            True,
        ),
        Check(
            "2026: $15,960 for one person, $33,000 for four, 'add $5,680 for each additional person' "
            "(48 states and DC, citing the Federal Register)",
            "https://legalclarity.org/what-is-the-u-s-poverty-line-limits-by-family-size",
            True,
        ),
        Check(
            "2026 single person: Hawaii $18,360, Alaska $19,950; the per-person amounts for Alaska ($7,100) "
            "and "
            "Hawaii ($6,530) were not found",
            "https://factually.co/fact-checks/finance/poverty-guidelines-1-person-income-thresholds-f4a687",
            True,
        ),
    ),
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

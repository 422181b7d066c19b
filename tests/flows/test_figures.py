"""Every IRS figure has a source and a date, and the tables match irs-rules.md."""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from flows import figures as F
from flows.answers import Residence

# shared/ sits beside the checkout, both here and in CI's clean clone.
REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "reference" / "irs-rules.md"
TAG = re.compile(r"^(S\d+(-alt)?|§9\.\d+)$")


@pytest.mark.parametrize(("name", "figure"), sorted(F.all_figures().items()))
def test_every_figure_has_a_source_and_a_date(name: str, figure: F.Figure[object]) -> None:
    assert isinstance(figure.effective, date), name
    assert date(2011, 1, 1) <= figure.effective <= date(2027, 1, 1), name  # Fresh Start (2011) is the oldest
    tags = figure.source.split()
    assert tags, f"{name} has no source"
    assert all(TAG.match(tag) for tag in tags), (name, figure.source)


def test_sources_exist_in_the_reference() -> None:
    """An "S" tag is a row of the Sources table; a "§9.x" tag a section of the practitioner review."""
    if not REFERENCE.exists():
        pytest.skip(f"reference not available at {REFERENCE}")
    table = REFERENCE.read_text(encoding="utf-8")
    known = set(re.findall(r"^\| (S\d+(?:-alt)?) \|", table, flags=re.M))
    known |= {f"§{n}" for n in re.findall(r"^### (9\.\d+) ", table, flags=re.M)}
    for name, figure in F.all_figures().items():
        for tag in figure.source.split():
            assert tag in known, (name, tag)


def test_secondary_and_uncertain_figures_record_what_the_search_found() -> None:
    """Every ⚠ or [2nd] figure the review asked to confirm carries the search's record, and a figure
    the search did not confirm says so in its note."""
    must_check = {
        "SETUP_FEE_DDIA_ONLINE",
        "SETUP_FEE_DDIA_PHONE",
        "SETUP_FEE_OTHER_ONLINE",
        "SETUP_FEE_OTHER_PHONE",
        "INTEREST_RATE",
        "NATIONAL_STANDARDS",
        "POVERTY_GUIDELINES",
        "OIC_BANK_ALLOWANCE",
        "OIC_VEHICLE_ALLOWANCE",
        "TRANSPORT_OWNERSHIP",
        "TRANSPORT_PUBLIC",
        "HEALTH_CARE_UNDER_65",
    }
    figures = F.all_figures()
    for name in must_check:
        figure = figures[name]
        assert figure.checked, f"{name}: no search record"
        for check in figure.checked:
            assert check.found and check.where, name
        if not any(check.confirmed for check in figure.checked):
            assert "unconfirmed" in figure.note or "⚠" in figure.note, name


def test_unconfirmed_secondary_values_are_the_references() -> None:
    """Search could not confirm the 2026 setup fees ($29 / $6) or a Q2 2026 rate: the reference's stay."""
    assert F.SETUP_FEE_DDIA_ONLINE.value == Decimal(22) and F.SETUP_FEE_DDIA_ONLINE.effective == date(
        2024, 7, 1
    )
    assert F.INTEREST_RATE.value == Decimal("0.07") and F.INTEREST_RATE.effective == date(2026, 1, 1)
    assert F.INTEREST_QUARTER_END.value == date(2026, 3, 31)


def test_the_interest_rate_is_for_one_calendar_quarter() -> None:
    start, end = F.INTEREST_RATE.effective, F.INTEREST_QUARTER_END.value
    assert start.day == 1 and start.month in (1, 4, 7, 10)
    assert (end.year, end.month) == (start.year, start.month + 2) and (end + timedelta(days=1)).day == 1
    assert F.NATIONAL_STANDARDS.effective == date(2025, 4, 21)


def test_uncertain_figures_carry_their_caveat() -> None:
    for figure in (
        F.SETUP_FEE_DDIA_ONLINE,
        F.SETUP_FEE_OTHER_ONLINE,
        F.SETUP_FEE_OTHER_PHONE,
        F.NON_STREAMLINED_LIMIT,
        F.HEALTH_CARE_UNDER_65,
        F.HEALTH_CARE_65_PLUS,
        F.TRANSPORT_OWNERSHIP,
        F.TRANSPORT_PUBLIC,
        F.INTEREST_RATE,
        F.LIEN_THRESHOLD,
        F.OIC_BANK_ALLOWANCE,
        F.OIC_VEHICLE_ALLOWANCE,
        F.POVERTY_GUIDELINES,
    ):
        assert "⚠" in figure.note
    assert "2024" in F.HEALTH_CARE_UNDER_65.note and F.HEALTH_CARE_UNDER_65.effective.year == 2024


def test_setup_fees_use_the_most_recent_source() -> None:
    assert (F.SETUP_FEE_DDIA_ONLINE.value, F.SETUP_FEE_DDIA_PHONE.value) == (Decimal(22), Decimal(107))
    assert (F.SETUP_FEE_OTHER_ONLINE.value, F.SETUP_FEE_OTHER_PHONE.value) == (Decimal(69), Decimal(178))


@pytest.mark.parametrize(
    ("size", "expected"), [(1, 839), (2, 1481), (3, 1753), (4, 2129), (5, 2523), (7, 3311), (0, 839)]
)
def test_national_standards_2025(size: int, expected: int) -> None:
    assert F.national_standard(size) == Decimal(expected)


def test_health_care_per_person() -> None:
    assert F.health_care_standard(3, 1) == Decimal(83 * 2 + 158)
    assert F.health_care_standard(1, 5) == Decimal(158)  # never more older people than people


@pytest.mark.parametrize(
    ("size", "residence", "expected"),
    [
        # irs-rules.md §9.6: $39,900 / $54,100 / $68,300 / $82,500 for 1-4 people, +$14,200 each
        (1, Residence.CONTIGUOUS, 39900),
        (2, Residence.CONTIGUOUS, 54100),
        (3, Residence.CONTIGUOUS, 68300),
        (4, Residence.CONTIGUOUS, 82500),
        (5, Residence.CONTIGUOUS, 96700),
        # §2.2: Alaska $19,950 + $7,100, Hawaii $18,360 + $6,530, times 2.5
        (1, Residence.ALASKA, 49875),
        (3, Residence.ALASKA, 85375),
        (1, Residence.HAWAII, 45900),
        (2, Residence.HAWAII, 62225),
    ],
)
def test_250_percent_poverty_line_matches_the_reference_table(
    size: int, residence: Residence, expected: int
) -> None:
    assert F.low_income_line(size, residence) == Decimal(expected)


def test_key_thresholds() -> None:
    assert F.SHORT_TERM_LIMIT.value == 100000 and F.SHORT_TERM_DAYS.value == 180
    assert F.GUARANTEED_IA_TAX_LIMIT.value == 10000
    assert F.DDIA_REQUIRED_ABOVE.value == 25000 and F.STREAMLINED_LIMIT.value == 50000
    assert F.NON_STREAMLINED_LIMIT.value == 250000 and F.STREAMLINED_MONTHS.value == 72
    assert F.OIC_FEE.value == 205 and F.OIC_LUMP_SUM_DOWN.value == Decimal("0.20")
    assert (F.RCP_LUMP_SUM_MULTIPLIER.value, F.RCP_PERIODIC_MULTIPLIER.value) == (12, 24)
    assert F.QUICK_SALE_RATE.value == Decimal("0.80") and F.CSED_YEARS.value == 10
    assert (F.FTP_RATE.value, F.FTP_RATE_ON_PLAN.value, F.FTP_RATE_AFTER_LEVY_NOTICE.value) == (
        Decimal("0.005"),
        Decimal("0.0025"),
        Decimal("0.01"),
    )
    assert (F.FTF_RATE.value, F.FTF_MAX.value) == (Decimal("0.05"), Decimal("0.25"))
    assert F.PHONE_INDIVIDUAL.value == "800-829-1040" and F.PHONE_BUSINESS.value == "800-829-4933"
    assert F.PHONE_PRACTITIONER.value == "866-860-4259"
    forms = {
        F.FORM_IA,
        F.FORM_CIS_LONG,
        F.FORM_CIS_SHORT,
        F.FORM_OIC,
        F.FORM_OIC_BOOKLET,
        F.FORM_OIC_LIABILITY,
    }
    forms |= {F.FORM_ABATEMENT, F.FORM_INNOCENT_SPOUSE, F.FORM_CDP, F.FORM_LOW_INCOME_FEE}
    forms |= {
        F.FORM_CIS_OIC,
        F.FORM_CIS_OIC_BUSINESS,
        F.FORM_CIS_BUSINESS,
        F.FORM_CAP,
        F.FORM_LIEN_WITHDRAWAL,
    }
    assert {f.value for f in forms} == {
        "433-A (OIC)",
        "433-B (OIC)",
        "433-B",
        "9423",
        "12277",
        "9465",
        "433-A",
        "433-F",
        "656",
        "656-B",
        "656-L",
        "843",
        "8857",
        "12153",
        "13844",
    }


RULE_MODULES = sorted((Path(F.__file__).parent / "rules").glob("*.py"))


@pytest.mark.parametrize("path", RULE_MODULES, ids=[p.name for p in RULE_MODULES])
def test_rules_read_no_raw_figures(path: Path) -> None:
    """The yearly update must stay a one-file change: no dollar thresholds typed into the rules."""
    source = path.read_text(encoding="utf-8")
    code = "\n".join(line.split("#")[0] for line in source.splitlines())
    code = re.sub(r'"""[\s\S]*?"""', "", code)
    numbers = ("10000", "25000", "50000", "100000", "250000", "180", "205", "839", "0.8", "72", "120", "3450")
    for number in (*numbers, "1000", "24", "36", "2026"):
        assert not re.search(rf"(?<![\w.]){re.escape(number)}(?![\w])", code), (path.name, number)


def test_the_rules_are_a_package_of_families() -> None:
    names = {p.stem for p in RULE_MODULES}
    assert {"case", "deadlines", "blockers", "penalties", "payment", "settlement"} <= names

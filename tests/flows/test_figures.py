"""Every IRS figure has a source and a date, and the tables match irs-rules.md."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from flows import figures as F
from flows.answers import Residence

# shared/ sits beside the checkout, both here and in CI's clean clone.
REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "reference" / "irs-rules.md"
TAG = re.compile(r"^S\d+(-alt)?$")


@pytest.mark.parametrize(("name", "figure"), sorted(F.all_figures().items()))
def test_every_figure_has_a_source_and_a_date(name: str, figure: F.Figure[object]) -> None:
    assert isinstance(figure.effective, date), name
    assert date(2015, 1, 1) <= figure.effective <= date(2027, 1, 1), name
    tags = figure.source.split()
    assert tags, f"{name} has no source"
    assert all(TAG.match(tag) for tag in tags), (name, figure.source)


def test_sources_exist_in_the_reference() -> None:
    if not REFERENCE.exists():
        pytest.skip(f"reference not available at {REFERENCE}")
    table = REFERENCE.read_text(encoding="utf-8")
    known = set(re.findall(r"^\| (S\d+(?:-alt)?) \|", table, flags=re.M))
    for name, figure in F.all_figures().items():
        for tag in figure.source.split():
            assert tag in known, (name, tag)


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
        (1, Residence.CONTIGUOUS, 39125),
        (2, Residence.CONTIGUOUS, 52875),
        (4, Residence.CONTIGUOUS, 80375),
        (8, Residence.CONTIGUOUS, 135375),
        (9, Residence.CONTIGUOUS, 149125),
        (1, Residence.ALASKA, 48875),
        (3, Residence.ALASKA, 83275),
        (1, Residence.HAWAII, 44975),
        (8, Residence.HAWAII, 155750),
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
    assert {f.value for f in forms} == {
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


def test_rules_read_no_raw_figures() -> None:
    """The yearly update must stay a one-file change: no dollar thresholds typed into the rules."""
    source = Path(F.__file__).with_name("assessment.py").read_text(encoding="utf-8")
    code = "\n".join(line.split("#")[0] for line in source.splitlines())
    code = re.sub(r'"""[\s\S]*?"""', "", code)
    for number in ("10000", "25000", "50000", "100000", "250000", "180", "205", "839", "0.8", "72"):
        assert not re.search(rf"(?<![\w.]){re.escape(number)}(?![\w])", code), number

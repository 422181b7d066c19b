"""Every IRS figure the rules use, each with its effective date and source tag.

The tags ([S3], [S20] ...) are those of /work/shared/reference/irs-rules.md, so a
reviewer can check a number against its page without reading the code.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Figure(Generic[T]):
    """A value with the date it applies from (or the date of its source) and where it comes from."""

    value: T
    effective: date
    source: str
    note: str = ""


SHORT_TERM_LIMIT = Figure(Decimal("100000"), date(2025, 1, 1), "S3 S4 S5", "balance must be under this")
SHORT_TERM_DAYS = Figure(180, date(2025, 1, 1), "S3 S4 S5")
STREAMLINED_LIMIT = Figure(Decimal("50000"), date(2018, 9, 26), "S3 S6 S8")
STREAMLINED_MONTHS = Figure(72, date(2018, 9, 26), "S3 S6 S8")

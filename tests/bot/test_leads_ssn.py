"""Anything shaped like an SSN, ITIN or EIN is caught; money amounts are not."""

from __future__ import annotations

import pytest

from bot.features.privacy.ssn import contains_tax_id, redact_tax_ids


@pytest.mark.parametrize(
    "text",
    [
        "123-45-6789",
        "123 45 6789",
        "123456789",
        "my ssn is 123-45-6789 ok",
        "912-78-1234",  # ITIN
        "12-3456789",  # EIN
        "EIN: 12-3456789.",
        "it's 123456789.",
    ],
)
def test_tax_ids_are_detected(text: str) -> None:
    assert contains_tax_id(text)


@pytest.mark.parametrize(
    "text",
    [
        "$123,456,789",
        "123,456,789",
        "52000",
        "$123456789",
        "$ 123456789",
        "123456789k",
        "about 123456789 K",
        "123456789.50",
        "(415) 555-2671",
        "415-555-2671",
        "4155552671",
        "2024-01-15",
        "",
    ],
)
def test_money_phones_and_dates_are_not_tax_ids(text: str) -> None:
    assert not contains_tax_id(text)


def test_redaction_masks_only_the_identifier() -> None:
    assert redact_tax_ids("ssn 123-45-6789 and $52,000") == "ssn [removed] and $52,000"

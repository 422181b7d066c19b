"""Phone numbers people type or share end up as one E.164 string, or are refused."""

from __future__ import annotations

import pytest

from bot.features.leads.phone import display_phone, normalize_contact_phone, normalize_phone


@pytest.mark.parametrize(
    "typed",
    ["(415) 555-2671", "415-555-2671", "415.555.2671", "4155552671", "+1 415 555 2671", "1 (415) 555 2671"],
)
def test_us_spellings_normalise_to_one_e164(typed: str) -> None:
    assert normalize_phone(typed) == "+14155552671"


def test_international_number_keeps_its_country() -> None:
    assert normalize_phone("+34 612 345 678") == "+34612345678"


@pytest.mark.parametrize("typed", ["", "555-1234", "hello", "12345", "+1 000 000 0000", "9" * 60])
def test_not_a_number_is_refused(typed: str) -> None:
    assert normalize_phone(typed) is None


def test_telegram_contact_without_plus_is_read_as_international() -> None:
    # Telegram sends "14155552671" for a US number and "34612345678" for a Spanish one.
    assert normalize_contact_phone("14155552671") == "+14155552671"
    assert normalize_contact_phone("34612345678") == "+34612345678"
    assert normalize_contact_phone("+14155552671") == "+14155552671"


def test_display_is_national_for_us_numbers() -> None:
    assert display_phone("+14155552671") == "(415) 555-2671"
    assert display_phone("+34612345678").startswith("+34")

"""Phone numbers: parse what people type or share, store E.164 only.

E.164 is the lead's identity (leads.phone_e164 is UNIQUE), so two spellings of one
number ("(415) 555-2671", "+1 415-555-2671", Telegram's "14155552671") must map to
the same string, and anything that is not a real dialable number must be refused
before it reaches staff.
"""

from __future__ import annotations

import phonenumbers

DEFAULT_REGION = "US"
# Longer input cannot be a phone number; refusing early keeps the parser cheap.
_MAX_INPUT = 40


def normalize_phone(raw: str, region: str = DEFAULT_REGION) -> str | None:
    """Return the number in E.164 ("+14155552671"), or None if it is not a valid number."""
    text = raw.strip()
    if not text or len(text) > _MAX_INPUT:
        return None
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def normalize_contact_phone(raw: str) -> str | None:
    """Normalise a number from a Telegram shared contact.

    Telegram sends the full international number, usually WITHOUT the leading "+"
    ("14155552671"); parsed against the US region that would be read as a national
    number and fail, so a bare digit string is treated as international first.
    """
    text = raw.strip()
    if text and not text.startswith("+"):
        international = normalize_phone("+" + text)
        if international is not None:
            return international
    return normalize_phone(text)


def display_phone(e164: str) -> str:
    """A readable form for staff and the person: national format at home, international abroad."""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    fmt = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if phonenumbers.region_code_for_number(number) == DEFAULT_REGION
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(number, fmt)


class PhoneNumbers:
    """The conversation's phone-number reader (flows.chat.Phones), backed by phonenumbers."""

    def typed(self, text: str) -> str | None:
        return normalize_phone(text)

    def shared(self, raw: str) -> str | None:
        return normalize_contact_phone(raw)

    def shown(self, e164: str) -> str:
        return display_phone(e164)

"""Consent wording and its evidence.

What a consent record must prove later (TCPA-style "prior express written consent"):
which seller (the firm's name is in the wording), which wording (CONSENT_VERSION
plus a SHA-256 of the exact text rendered to the person, so a later edit of the
catalogue cannot be passed off as what they saw), when, through which channel, and
which phone number it covers.
"""

from __future__ import annotations

import hashlib

from flows.catalogue import t
from flows.texts.leads import CONSENT_VERSION

CHANNEL_TELEGRAM_BUTTON = "telegram_button"

__all__ = ["CHANNEL_TELEGRAM_BUTTON", "CONSENT_VERSION", "consent_text", "text_hash"]


def consent_text(lang: str, firm: str) -> str:
    """The exact consent wording shown to the person (HTML, firm name escaped by the caller)."""
    return t("leads.consent.text", lang, firm=firm)


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()

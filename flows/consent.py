"""The version of the consent wording a person accepts: legal evidence.

CONSENT_VERSION names the exact wording of "leads.consent.text" (flows/locales/*/leads.po); the
stored consent row keeps this version plus a hash of the rendered text. Any change to that
wording, in any language, MUST bump CONSENT_VERSION, so an old consent record never points at
wording it did not show. tests/bot/test_leads_consent.py pins the hash of the current wording
to catch a silent edit.
"""

from __future__ import annotations

CONSENT_VERSION = "2026-11-v1"

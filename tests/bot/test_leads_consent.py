"""The consent wording is versioned: editing it without a new version fails here."""

from __future__ import annotations

from flows.capture import consent_text, text_hash
from flows.catalogue import keys
from flows.consent import CONSENT_VERSION

# Hashes of the wording with a placeholder firm name. If you change the wording,
# bump CONSENT_VERSION in flows/consent.py and update these together.
PINNED = {
    "2026-11-v1": {
        "en": "1e3ef9b0acb5befd30fb038bf88c3dcd6609d25feb5b45ac8a00c0c61081503e",
        "es": "c47f8630ad228310afae4a2c1824c8cba0de90e78f6b8c155e8afa4a53159371",
    }
}


def test_wording_matches_its_version() -> None:
    assert CONSENT_VERSION in PINNED, "new consent version: pin its hashes here"
    for lang, expected in PINNED[CONSENT_VERSION].items():
        assert text_hash(consent_text(lang, "{firm}")) == expected, f"consent wording ({lang}) changed"


def test_consent_names_the_firm_and_the_channel() -> None:
    text = consent_text("en", "Acme Tax")
    assert "Acme Tax" in text
    assert "call" in text and "text" in text and "phone number" in text


def test_every_leads_text_exists_in_spanish() -> None:
    en = {k for k in keys("en") if k.startswith("leads.")}
    es = {k for k in keys("es") if k.startswith("leads.")}
    assert en == es

"""Conversion payloads as the platforms document them (bot/features/conversions/payloads.py cites
the pages): hashing, the fbc value, the fields each request needs, Google's CSV template."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

import pytest

from bot.features.conversions.payloads import (
    ClickFacts,
    CsvConversion,
    fbc_value,
    google_click_conversion,
    hash_phone,
    hash_phone_e164,
    meta_event,
    meta_request,
    offline_conversions_csv,
)
from bot.features.reports.abtest import wilson

CLICKED = datetime(2026, 11, 25, 15, 0, 0, 123000, tzinfo=UTC)
FBCLID = "IwAR2F4-dbP0l7Mn1IawQQGCINEz7PYXQvwjNwB_qa2ofrHyiLjcbCRxTDMgk"


def click(**ids: str | None) -> ClickFacts:
    values = {"fbclid": None, "gclid": None, "gbraid": None, "wbraid": None, **ids}
    return ClickFacts(clicked_at=CLICKED, user_agent="Mozilla/5.0", **values)  # type: ignore[arg-type]


def test_meta_hashes_the_digits_with_the_country_code_and_no_plus() -> None:
    expected = hashlib.sha256(b"14155552671").hexdigest()
    assert hash_phone("+14155552671") == hash_phone("+1 (415) 555-2671") == expected


def test_google_hashes_the_e164_number_with_its_plus() -> None:
    assert hash_phone_e164("+14155552671") == hashlib.sha256(b"+14155552671").hexdigest()


def test_fbc_is_version_subdomain_index_milliseconds_and_the_fbclid_unchanged() -> None:
    assert fbc_value(FBCLID, CLICKED) == f"fb.1.1795618800123.{FBCLID}"
    assert fbc_value("AbC", CLICKED).endswith(".AbC")  # case kept: Meta says the id is case sensitive


def test_a_meta_lead_event_has_what_a_non_web_event_needs() -> None:
    at = datetime(2026, 11, 25, 15, 5, tzinfo=UTC)
    event = meta_event(
        event_name="Lead", event_id="lead-7", at=at, click=click(fbclid=FBCLID), phone_e164="+14155552671"
    )
    assert event == {
        "event_name": "Lead",
        "event_time": 1795619100,
        "event_id": "lead-7",
        "action_source": "chat",
        "user_data": {
            "fbc": f"fb.1.1795618800123.{FBCLID}",
            "ph": [hashlib.sha256(b"14155552671").hexdigest()],
            "client_user_agent": "Mozilla/5.0",
        },
    }
    body = meta_request([event], "token", "TEST123")
    assert (
        body["access_token"] == "token" and body["test_event_code"] == "TEST123" and body["data"] == [event]
    )
    assert "test_event_code" not in meta_request([event], "token")


def test_a_google_click_conversion_has_one_click_id_a_resource_name_and_a_zoned_time() -> None:
    at = datetime(2026, 11, 25, 15, 5, 9, tzinfo=UTC)
    conversion = google_click_conversion(
        customer_id="123-456-7890",
        conversion_action="987",
        order_id="lead-7",
        at=at,
        click=click(gclid="G1", wbraid="W1"),
        phone_e164="+14155552671",
    )
    assert conversion["gclid"] == "G1" and "wbraid" not in conversion and "gbraid" not in conversion
    assert conversion["conversionAction"] == "customers/1234567890/conversionActions/987"
    assert conversion["conversionDateTime"] == "2026-11-25 15:05:09+00:00"
    assert conversion["orderId"] == "lead-7" and conversion["consent"] == {"adUserData": "GRANTED"}
    ios = google_click_conversion(
        customer_id="1",
        conversion_action="customers/1/conversionActions/2",
        order_id="x",
        at=at,
        click=click(wbraid="W1"),
        phone_e164=None,
    )
    assert ios["wbraid"] == "W1" and ios["conversionAction"] == "customers/1/conversionActions/2"
    assert "userIdentifiers" not in ios
    with pytest.raises(AssertionError):
        google_click_conversion(
            customer_id="1", conversion_action="2", order_id="x", at=at, click=click(), phone_e164=None
        )


def test_the_offline_conversion_file_follows_googles_template() -> None:
    text = offline_conversions_csv("Lead", [CsvConversion("G1", datetime(2026, 11, 25, 15, 5, tzinfo=UTC))])
    assert text.splitlines() == [
        "Parameters:TimeZone=+0000",
        "Google Click ID,Conversion Name,Conversion Time,Conversion Value,Conversion Currency",
        "G1,Lead,2026-11-25 15:05:00,,",
    ]


@pytest.mark.parametrize(
    ("k", "n", "low", "high"),
    [(5, 10, 0.2366, 0.7634), (0, 10, 0.0, 0.2775), (10, 10, 0.7225, 1.0), (0, 0, 0.0, 0.0)],
)
def test_wilson_intervals_match_the_published_values(k: int, n: int, low: float, high: float) -> None:
    got = wilson(k, n)
    assert got == pytest.approx((low, high), abs=1e-4)

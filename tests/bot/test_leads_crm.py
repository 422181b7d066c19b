"""CRM webhook signing and the retry schedule."""

from __future__ import annotations

from datetime import timedelta

from bot.features.leads.crm import (
    MAX_ATTEMPTS,
    backoff_delay,
    encode_body,
    should_give_up,
    sign,
    signed_headers,
    verify_signature,
)


def test_signature_covers_timestamp_and_body() -> None:
    body = encode_body({"lead_id": 1, "name": "Ana"})
    headers = signed_headers(body, "s3cret", 1_700_000_000)
    assert headers["X-Timestamp"] == "1700000000"
    assert verify_signature(body, "s3cret", headers["X-Timestamp"], headers["X-Signature"])
    # Any change to body, timestamp or secret breaks it.
    assert not verify_signature(body + b" ", "s3cret", "1700000000", headers["X-Signature"])
    assert not verify_signature(body, "s3cret", "1700000001", headers["X-Signature"])
    assert not verify_signature(body, "other", "1700000000", headers["X-Signature"])
    assert not verify_signature(body, "s3cret", "not-a-number", headers["X-Signature"])
    assert sign(body, "s3cret", 1).startswith("sha256=")


def test_body_encoding_is_stable() -> None:
    assert encode_body({"b": 1, "a": "é"}) == '{"a":"é","b":1}'.encode()


def test_backoff_doubles_and_is_capped() -> None:
    assert backoff_delay(0) == timedelta(0)
    assert backoff_delay(1) == timedelta(seconds=30)
    assert backoff_delay(2) == timedelta(seconds=60)
    assert backoff_delay(3) == timedelta(seconds=120)
    assert backoff_delay(30) == timedelta(hours=2)


def test_bounded_attempts() -> None:
    assert not should_give_up(MAX_ATTEMPTS - 1)
    assert should_give_up(MAX_ATTEMPTS)

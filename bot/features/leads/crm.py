"""CRM webhook: payload, signature and retry schedule.

Signature: ``X-Signature: sha256=<hex>`` where hex = HMAC-SHA256(secret,
"<timestamp>." + raw body), and ``X-Timestamp: <unix seconds>``. The timestamp is
inside the signed bytes on purpose: a timestamp header that is not signed cannot
stop a captured request from being replayed later, while a signed one lets the
receiver reject anything older than a few minutes. Receivers verify with
:func:`verify_signature` (or the same three lines in their language).

Deliveries go through the crm_outbox table (see bot/features/leads/outbox.py), so the
conversation never waits on the CRM and a restart loses nothing.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import timedelta
from typing import Any

SIGNATURE_HEADER = "X-Signature"
TIMESTAMP_HEADER = "X-Timestamp"
EVENT_HEADER = "X-Event"

MAX_ATTEMPTS = 8
BASE_DELAY = timedelta(seconds=30)
MAX_DELAY = timedelta(hours=2)


def encode_body(payload: dict[str, Any]) -> bytes:
    """Stable bytes for a payload: the outbox stores exactly these, so a retry signs the same body."""
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def sign(body: bytes, secret: str, timestamp: int) -> str:
    mac = hmac.new(secret.encode("utf-8"), f"{timestamp}.".encode() + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def signed_headers(body: bytes, secret: str, timestamp: int, event: str = "lead.created") -> dict[str, str]:
    return {
        "Content-Type": "application/json",
        SIGNATURE_HEADER: sign(body, secret, timestamp),
        TIMESTAMP_HEADER: str(timestamp),
        EVENT_HEADER: event,
    }


def verify_signature(body: bytes, secret: str, timestamp: str, signature: str) -> bool:
    try:
        ts = int(timestamp)
    except ValueError:
        return False
    return hmac.compare_digest(sign(body, secret, ts), signature)


def backoff_delay(attempts: int, base: timedelta = BASE_DELAY, cap: timedelta = MAX_DELAY) -> timedelta:
    """Delay before the next try after ``attempts`` failed ones (1 → base, 2 → 2×base, ...), capped.

    Exponential so a CRM that is down for an hour is not hammered, capped so a
    lead still arrives the same day once it is back.
    """
    if attempts < 1:
        return timedelta(0)
    seconds = base.total_seconds() * (2 ** (attempts - 1))
    return timedelta(seconds=min(seconds, cap.total_seconds()))


def should_give_up(attempts: int, max_attempts: int = MAX_ATTEMPTS) -> bool:
    return attempts >= max_attempts

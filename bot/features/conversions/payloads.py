"""What the ad platforms receive for a conversion, built from a click and a lead. Pure: no I/O.

Formats followed (docs/backoffice.md cites the pages, read 2026-12-04):

* Meta Conversions API, server event parameters and customer information parameters: one
  event in ``data`` with ``event_name``, ``event_time`` (unix seconds), ``event_id`` (the key
  Meta de-duplicates on), ``action_source`` (the conversion happened in a chat: "chat"; non-web
  events need only this one), and ``user_data``: ``fbc`` unhashed, built as
  ``fb.<subdomainIndex>.<creationTime in ms>.<fbclid>`` with the fbclid exactly as received (case
  and all), and ``ph`` hashed: SHA-256 of the number with symbols, letters and leading zeros
  removed and the country code kept (E.164 without the "+").
* Google Ads API ``ConversionUploadService.UploadClickConversions`` (REST, JSON field names in
  lowerCamelCase): one ``ClickConversion`` with exactly one of ``gclid`` / ``gbraid`` /
  ``wbraid``, ``conversionAction`` (a resource name), ``conversionDateTime`` as
  "yyyy-mm-dd hh:mm:ss+|-hh:mm", ``orderId`` (one conversion per order id and action: the
  de-duplication key), ``consent.adUserData``, and ``partialFailure: true`` on the request.
* Google Ads offline conversion import template (a file uploaded by hand): a
  ``Parameters:TimeZone=`` line, then the columns Google Click ID, Conversion Name,
  Conversion Time, Conversion Value, Conversion Currency.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

META_LEAD = "Lead"
# A screening finished by someone who then agreed to be contacted: "the submission of an
# application for a product, service or program" in Meta's list of standard events.
META_SCREENING = "SubmitApplication"
ACTION_SOURCE = "chat"
# fbc's subdomainIndex: 1 for a cookie set on the registrable domain (example.com), which is what
# a server building the value for its own domain writes.
FBC_SUBDOMAIN_INDEX = 1


def hash_phone(e164: str) -> str:
    """Meta's ``ph``: digits only (no "+", spaces or punctuation), country code kept, then SHA-256."""
    digits = "".join(ch for ch in e164 if ch.isdigit()).lstrip("0")
    return hashlib.sha256(digits.encode("ascii")).hexdigest()


def hash_phone_e164(e164: str) -> str:
    """Google's ``hashedPhoneNumber``: SHA-256 of the number in E.164, "+" included."""
    digits = "".join(ch for ch in e164 if ch.isdigit()).lstrip("0")
    return hashlib.sha256(f"+{digits}".encode("ascii")).hexdigest()


def fbc_value(fbclid: str, clicked_at: datetime) -> str:
    """``fb.1.<ms since the epoch>.<fbclid>``: the fbclid unchanged (Meta: case sensitive)."""
    millis = int(clicked_at.astimezone(UTC).timestamp() * 1000)
    return f"fb.{FBC_SUBDOMAIN_INDEX}.{millis}.{fbclid}"


@dataclass(frozen=True)
class ClickFacts:
    fbclid: str | None
    gclid: str | None
    gbraid: str | None
    wbraid: str | None
    clicked_at: datetime
    user_agent: str | None = None

    def google_id(self) -> tuple[str, str] | None:
        """The one Google click id to upload (gclid first; gbraid / wbraid for iOS clicks)."""
        for name, value in (("gclid", self.gclid), ("gbraid", self.gbraid), ("wbraid", self.wbraid)):
            if value:
                return name, value
        return None


def meta_event(
    *,
    event_name: str,
    event_id: str,
    at: datetime,
    click: ClickFacts,
    phone_e164: str | None,
) -> dict[str, Any]:
    """One server event for the ``data`` array of a Conversions API request."""
    assert click.fbclid, "a Meta event needs the click's fbclid"
    user_data: dict[str, Any] = {"fbc": fbc_value(click.fbclid, click.clicked_at)}
    if phone_e164:
        user_data["ph"] = [hash_phone(phone_e164)]
    if click.user_agent:
        user_data["client_user_agent"] = click.user_agent
    return {
        "event_name": event_name,
        "event_time": int(at.astimezone(UTC).timestamp()),
        "event_id": event_id,
        "action_source": ACTION_SOURCE,
        "user_data": user_data,
    }


def meta_request(
    events: list[dict[str, Any]], access_token: str, test_event_code: str = ""
) -> dict[str, Any]:
    """The request body (the token in the body, not the URL: URLs end up in logs)."""
    body: dict[str, Any] = {"data": events, "access_token": access_token}
    if test_event_code:
        body["test_event_code"] = test_event_code
    return body


def google_datetime(at: datetime) -> str:
    """ "yyyy-mm-dd hh:mm:ss+|-hh:mm", in UTC."""
    return at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S+00:00")


def conversion_action_name(customer_id: str, action: str) -> str:
    """A resource name from an id, or the resource name as given."""
    if action.startswith("customers/"):
        return action
    return f"customers/{customer_id.replace('-', '')}/conversionActions/{action}"


def google_click_conversion(
    *,
    customer_id: str,
    conversion_action: str,
    order_id: str,
    at: datetime,
    click: ClickFacts,
    phone_e164: str | None,
) -> dict[str, Any]:
    found = click.google_id()
    assert found is not None, "a Google conversion needs a gclid, gbraid or wbraid"
    name, value = found
    conversion: dict[str, Any] = {
        name: value,
        "conversionAction": conversion_action_name(customer_id, conversion_action),
        "conversionDateTime": google_datetime(at),
        "orderId": order_id,
        # The person agreed to be contacted about their case; that consent is what lets the firm
        # tell the platform which click became a lead (docs/backoffice.md).
        "consent": {"adUserData": "GRANTED"},
    }
    if phone_e164:
        conversion["userIdentifiers"] = [{"hashedPhoneNumber": hash_phone_e164(phone_e164)}]
    return conversion


def google_request(conversions: list[dict[str, Any]]) -> dict[str, Any]:
    return {"conversions": conversions, "partialFailure": True}


CSV_COLUMNS = (
    "Google Click ID",
    "Conversion Name",
    "Conversion Time",
    "Conversion Value",
    "Conversion Currency",
)


@dataclass(frozen=True)
class CsvConversion:
    gclid: str
    at: datetime
    value: str = ""
    currency: str = ""


def offline_conversions_csv(name: str, rows: Iterable[CsvConversion]) -> str:
    """Google's offline-conversion template, times in UTC as its TimeZone line says."""
    out = io.StringIO()
    out.write("Parameters:TimeZone=+0000\n")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow(
            [row.gclid, name, row.at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S"), row.value, row.currency]
        )
    return out.getvalue()

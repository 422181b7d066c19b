"""Local stand-ins for Meta's Conversions API and the Google Ads API (plus Google's OAuth token
endpoint), on 127.0.0.1: they check every request the way the platforms document it and keep what
they accepted, so a test can see exactly what reached each one.

A request that breaks a documented rule is answered 400 with the reason and recorded in
``rejected``; ``fail_next`` makes the next requests fail with a 503, for retry tests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

ACTION_SOURCES = {
    "email",
    "website",
    "app",
    "phone_call",
    "chat",
    "physical_store",
    "system_generated",
    "business_messaging",
    "other",
}
FBC = re.compile(r"^fb\.[0-2]\.\d{13}\.[A-Za-z0-9_\-]+$")
SHA256 = re.compile(r"^[0-9a-f]{64}$")
GOOGLE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$")
ACTION = re.compile(r"^customers/\d+/conversionActions/\d+$")
ACCESS_TOKEN = "ya29.fake-access-token"
META_TOKEN = "EAAB-fake-token"
DEVELOPER_TOKEN = "dev-token-123"


def meta_problems(body: Any) -> list[str]:
    """What Meta's server-event rules would refuse in this request body."""
    if not isinstance(body, dict) or not isinstance(body.get("data"), list) or not body["data"]:
        return ["data must be a non-empty list of events"]
    problems = [] if body.get("access_token") == META_TOKEN else ["bad access_token"]
    for event in body["data"]:
        if not isinstance(event.get("event_name"), str):
            problems.append("event_name missing")
        if not isinstance(event.get("event_time"), int):
            problems.append("event_time must be unix seconds")
        if not isinstance(event.get("event_id"), str) or not event["event_id"]:
            problems.append("event_id missing (no de-duplication)")
        if event.get("action_source") not in ACTION_SOURCES:
            problems.append("action_source missing or unknown")
        user = event.get("user_data") or {}
        if "fbc" in user and not FBC.match(user["fbc"]):
            problems.append(f"fbc {user['fbc']!r} is not fb.<index>.<ms>.<fbclid>")
        for hashed in user.get("ph", []):
            if not SHA256.match(hashed):
                problems.append("ph must be SHA-256 hex")
    return problems


def google_problems(body: Any, headers: Any) -> list[str]:
    problems = []
    if headers.get("Authorization") != f"Bearer {ACCESS_TOKEN}":
        problems.append("no valid OAuth access token")
    if headers.get("developer-token") != DEVELOPER_TOKEN:
        problems.append("no developer-token")
    if not isinstance(body, dict) or body.get("partialFailure") is not True:
        return [*problems, "partialFailure must be true"]
    for conversion in body.get("conversions") or [None]:
        if not isinstance(conversion, dict):
            problems.append("conversions must be a non-empty list")
            continue
        ids = [name for name in ("gclid", "gbraid", "wbraid") if conversion.get(name)]
        if len(ids) != 1:
            problems.append("exactly one of gclid, gbraid, wbraid")
        if not ACTION.match(str(conversion.get("conversionAction"))):
            problems.append("conversionAction must be a resource name")
        if not GOOGLE_TIME.match(str(conversion.get("conversionDateTime"))):
            problems.append("conversionDateTime must be yyyy-mm-dd hh:mm:ss+|-hh:mm")
        for identifier in conversion.get("userIdentifiers", []):
            if not SHA256.match(str(identifier.get("hashedPhoneNumber"))):
                problems.append("hashedPhoneNumber must be SHA-256 hex")
    return problems


@dataclass
class AdPlatforms:
    base_url: str = ""
    meta: list[dict[str, Any]] = field(default_factory=list)  # accepted events
    google: list[dict[str, Any]] = field(default_factory=list)  # accepted conversions
    rejected: list[tuple[str, list[str]]] = field(default_factory=list)
    token_requests: int = 0
    fail_next: int = 0
    runner: web.AppRunner | None = None

    async def __aenter__(self) -> AdPlatforms:
        app = web.Application()
        app.router.add_post("/meta/v21.0/{pixel}/events", self.meta_events)
        app.router.add_post("/oauth/token", self.oauth)
        app.router.add_post("/google/v21/customers/{customer}:uploadClickConversions", self.google_upload)
        self.runner = web.AppRunner(app)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.base_url = f"http://127.0.0.1:{port}"
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self.runner is not None:
            await self.runner.cleanup()

    def failing(self) -> web.Response | None:
        if self.fail_next > 0:
            self.fail_next -= 1
            return web.Response(status=503, text="try later")
        return None

    async def meta_events(self, request: web.Request) -> web.Response:
        if (down := self.failing()) is not None:
            return down
        body = await request.json()
        problems = meta_problems(body)
        if problems:
            self.rejected.append(("meta", problems))
            return web.json_response({"error": {"message": "; ".join(problems)}}, status=400)
        self.meta.extend(body["data"])
        return web.json_response({"events_received": len(body["data"])})

    async def oauth(self, request: web.Request) -> web.Response:
        form = await request.post()
        self.token_requests += 1
        if form.get("grant_type") != "refresh_token" or not form.get("refresh_token"):
            return web.json_response({"error": "invalid_grant"}, status=400)
        return web.json_response({"access_token": ACCESS_TOKEN, "expires_in": 3599, "token_type": "Bearer"})

    async def google_upload(self, request: web.Request) -> web.Response:
        if (down := self.failing()) is not None:
            return down
        body = await request.json()
        problems = google_problems(body, request.headers)
        if problems:
            self.rejected.append(("google", problems))
            return web.json_response({"error": {"message": "; ".join(problems)}}, status=400)
        self.google.extend(body["conversions"])
        return web.json_response({"results": [{"gclid": c.get("gclid")} for c in body["conversions"]]})

    def settings(self, *, send_screening: bool = False) -> dict[str, Any]:
        return {
            "meta_pixel_id": "1234567890",
            "meta_access_token": META_TOKEN,
            "meta_api_url": f"{self.base_url}/meta/v21.0",
            "meta_send_screening": send_screening,
            "google_ads_customer_id": "123-456-7890",
            "google_ads_conversion_action": "987654",
            "google_ads_developer_token": DEVELOPER_TOKEN,
            "google_ads_client_id": "client-id",
            "google_ads_client_secret": "client-secret",
            "google_ads_refresh_token": "refresh-token",
            "google_ads_api_url": f"{self.base_url}/google/v21",
            "google_oauth_url": f"{self.base_url}/oauth/token",
        }

"""Sends the conversion outbox to the ad platforms: retried with back-off, restart-safe, one sender.

The rows were committed with the step that earned them (bot/features/conversions/enqueue.py);
this background task sends what is due, like the CRM outbox (bot/features/leads/outbox.py, whose
lease and back-off it shares): a row is claimed by pushing its next attempt out with a
conditional UPDATE, so two bot processes never send it at once and a process that dies
mid-request leaves it to be retried. Meta and Google de-duplicate on the row's event id (Meta's
``event_id``, Google's ``orderId``), so the at-least-once delivery counts once.

Credentials are added here, at send time, and never stored or logged.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from datetime import datetime

import aiohttp
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.db.office import ConversionOutbox
from bot.features.conversions.enqueue import GOOGLE, META
from bot.features.conversions.payloads import google_request, meta_request
from bot.features.leads import crm
from bot.features.leads.outbox import LEASE, REQUEST_TIMEOUT_S
from bot.features.leads.worker import PollingWorker

logger = logging.getLogger(__name__)

# An access token from Google's OAuth endpoint lives an hour; refresh a minute before it ends.
TOKEN_MARGIN_S = 60


class SendError(Exception):
    """A delivery that did not go through; the message is short and holds no secret."""


class ConversionSender(PollingWorker):
    name = "conversion-outbox"

    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        settings: Settings,
        *,
        clock: Callable[[], datetime],
        poll_interval: float = 5.0,
        batch: int = 20,
    ) -> None:
        super().__init__()
        self.session_factory = session_factory
        self.settings = settings
        self.clock = clock
        self.poll_interval = poll_interval
        self.batch = batch
        self._http: aiohttp.ClientSession | None = None
        self._google_token: tuple[str, float] | None = None  # (token, monotonic expiry)

    async def stop(self) -> None:
        await super().stop()
        if self._http is not None:
            await self._http.close()
            self._http = None

    def http(self) -> aiohttp.ClientSession:
        if self._http is None:
            self._http = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=REQUEST_TIMEOUT_S))
        return self._http

    async def run_once(self) -> int:
        delivered = 0
        for row_id, destination, body in await self.claim_due():
            try:
                await self.send(destination, body)
                error = None
            except SendError as failure:
                error = str(failure)
            except (aiohttp.ClientError, TimeoutError) as failure:
                error = type(failure).__name__
            await self.record(row_id, error)
            delivered += error is None
        return delivered

    async def claim_due(self) -> list[tuple[int, str, str]]:
        now = self.clock()
        claimed: list[tuple[int, str, str]] = []
        async with self.session_factory() as session, session.begin():
            rows = (
                await session.execute(
                    select(
                        ConversionOutbox.id,
                        ConversionOutbox.destination,
                        ConversionOutbox.body,
                        ConversionOutbox.next_attempt_at,
                    )
                    .where(
                        ConversionOutbox.delivered_at.is_(None),
                        ConversionOutbox.failed_at.is_(None),
                        ConversionOutbox.next_attempt_at <= now,
                    )
                    .order_by(ConversionOutbox.next_attempt_at, ConversionOutbox.id)
                    .limit(self.batch)
                )
            ).all()
            for row_id, destination, body, next_at in rows:
                result = await session.execute(
                    update(ConversionOutbox)
                    .where(ConversionOutbox.id == row_id, ConversionOutbox.next_attempt_at == next_at)
                    .values(next_attempt_at=now + LEASE)
                )
                if getattr(result, "rowcount", 0) == 1:
                    claimed.append((row_id, destination, body))
        return claimed

    async def send(self, destination: str, body: str) -> None:
        payload = json.loads(body)
        if destination == META:
            await self.send_meta(payload)
        elif destination == GOOGLE:
            await self.send_google(payload)
        else:
            raise SendError(f"unknown destination {destination!r}")

    async def send_meta(self, event: dict[str, object]) -> None:
        s = self.settings
        if not s.meta_enabled():
            raise SendError("META_PIXEL_ID / META_ACCESS_TOKEN are not set")
        url = f"{s.meta_api_url}/{s.meta_pixel_id}/events"
        request = meta_request([event], s.secret("meta_access_token"), s.meta_test_event_code)
        async with self.http().post(url, json=request) as response:
            if not 200 <= response.status < 300:
                raise SendError(f"Meta answered HTTP {response.status}")

    async def google_access_token(self) -> str:
        cached = self._google_token
        if cached is not None and cached[1] > time.monotonic():
            return cached[0]
        s = self.settings
        form = {
            "grant_type": "refresh_token",
            "client_id": s.google_ads_client_id,
            "client_secret": s.secret("google_ads_client_secret"),
            "refresh_token": s.secret("google_ads_refresh_token"),
        }
        async with self.http().post(s.google_oauth_url, data=form) as response:
            if response.status != 200:
                raise SendError(f"Google OAuth answered HTTP {response.status}")
            answer = await response.json(content_type=None)
        token = answer.get("access_token") if isinstance(answer, dict) else None
        if not isinstance(token, str) or not token:
            raise SendError("Google OAuth gave no access token")
        lifetime = float(answer.get("expires_in", 3600))
        self._google_token = (token, time.monotonic() + max(lifetime - TOKEN_MARGIN_S, 0))
        return token

    async def send_google(self, conversion: dict[str, object]) -> None:
        s = self.settings
        if not s.google_enabled():
            raise SendError("GOOGLE_ADS_CUSTOMER_ID / GOOGLE_ADS_CONVERSION_ACTION are not set")
        customer = s.google_ads_customer_id.replace("-", "")
        headers = {
            "Authorization": f"Bearer {await self.google_access_token()}",
            "developer-token": s.secret("google_ads_developer_token"),
        }
        if s.google_ads_login_customer_id:
            headers["login-customer-id"] = s.google_ads_login_customer_id.replace("-", "")
        url = f"{s.google_ads_api_url}/customers/{customer}:uploadClickConversions"
        async with self.http().post(url, json=google_request([conversion]), headers=headers) as response:
            if response.status == 401:
                self._google_token = None  # revoked or expired early: a fresh one next time
            if not 200 <= response.status < 300:
                raise SendError(f"Google Ads answered HTTP {response.status}")
            answer = await response.json(content_type=None)
        failure = answer.get("partialFailureError") if isinstance(answer, dict) else None
        if failure:
            # With partialFailure, a rejected conversion still answers 200: its error is in the body.
            message = failure.get("message", "rejected") if isinstance(failure, dict) else "rejected"
            raise SendError(f"Google Ads rejected the conversion: {str(message)[:200]}")

    async def record(self, row_id: int, error: str | None) -> None:
        now = self.clock()
        async with self.session_factory() as session, session.begin():
            row = await session.get(ConversionOutbox, row_id)
            if row is None:  # erased meanwhile (/delete)
                return
            row.attempts += 1
            if error is None:
                row.delivered_at, row.last_error = now, None
                logger.info("conversion %s sent to %s", row.event_id, row.destination)
                return
            row.last_error = error[:500]
            if crm.should_give_up(row.attempts):
                row.failed_at = now
                logger.error("conversion %s to %s gave up: %s", row.event_id, row.destination, error)
            else:
                row.next_attempt_at = now + crm.backoff_delay(row.attempts)
                logger.warning(
                    "conversion %s to %s failed (%s); retrying", row.event_id, row.destination, error
                )

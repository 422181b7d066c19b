"""Delivers crm_outbox rows to the CRM webhook: signed, retried with back-off, never blocking a person.

Why an outbox: the lead and its delivery row are committed in one transaction, so
a lead is never lost because the CRM was down or the process restarted, and no
conversation step waits on a third-party server. A background task started with
the bot sends what is due.

Claiming: before sending, a row's next_attempt_at is pushed out by a lease with a
conditional UPDATE (``WHERE next_attempt_at = <the value we read>``). Only one
worker wins that UPDATE, so several bot processes never POST the same row at the
same time; if the winner dies mid-request the lease expires and another retries.
Delivery is therefore at-least-once: the CRM should de-duplicate on ``lead_id``
(and the X-Outbox-Id header).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

import aiohttp
from pydantic import SecretStr
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.models import CrmOutbox
from bot.features.leads import crm
from bot.features.leads.store import aware
from bot.features.leads.worker import PollingWorker

logger = logging.getLogger(__name__)

LEASE = timedelta(minutes=2)
REQUEST_TIMEOUT_S = 10.0


class CrmOutboxWorker(PollingWorker):
    name = "crm-outbox"

    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        url: str,
        secret: SecretStr | None,
        *,
        clock: Callable[[], datetime],
        poll_interval: float = 5.0,
        batch: int = 20,
        max_attempts: int = crm.MAX_ATTEMPTS,
    ) -> None:
        super().__init__()
        self.session_factory = session_factory
        self.url = url
        self._secret = secret
        self.clock = clock
        self.poll_interval = poll_interval
        self.batch = batch
        self.max_attempts = max_attempts
        self._http: aiohttp.ClientSession | None = None

    # ------------------------------------------------------------------ lifecycle

    async def stop(self) -> None:
        await super().stop()
        if self._http is not None:
            await self._http.close()
            self._http = None

    # ------------------------------------------------------------------ one pass

    async def run_once(self) -> int:
        """Send every due row once; returns how many were delivered."""
        delivered = 0
        for row_id, body, event in await self._claim_due():
            error = await self._post(row_id, body, event)
            await self._record(row_id, error)
            delivered += error is None
        return delivered

    async def _claim_due(self) -> list[tuple[int, str, str]]:
        now = self.clock()
        claimed: list[tuple[int, str, str]] = []
        async with self.session_factory() as session, session.begin():
            rows = (
                await session.execute(
                    select(CrmOutbox.id, CrmOutbox.body, CrmOutbox.event, CrmOutbox.next_attempt_at)
                    .where(
                        CrmOutbox.delivered_at.is_(None),
                        CrmOutbox.failed_at.is_(None),
                        CrmOutbox.next_attempt_at <= now,
                    )
                    .order_by(CrmOutbox.next_attempt_at, CrmOutbox.id)
                    .limit(self.batch)
                )
            ).all()
            for row_id, body, event, next_at in rows:
                result = await session.execute(
                    update(CrmOutbox)
                    .where(CrmOutbox.id == row_id, CrmOutbox.next_attempt_at == next_at)
                    .values(next_attempt_at=now + LEASE)
                )
                if getattr(result, "rowcount", 0) == 1:
                    claimed.append((row_id, body, event))
        return claimed

    async def _post(self, row_id: int, body: str, event: str) -> str | None:
        """None on a 2xx answer, else a short reason (never the secret, never the body)."""
        if self._secret is None or not self._secret.get_secret_value():
            return "CRM_WEBHOOK_SECRET is not set"
        raw = body.encode("utf-8")
        headers = crm.signed_headers(
            raw, self._secret.get_secret_value(), int(self.clock().timestamp()), event
        )
        headers["X-Outbox-Id"] = str(row_id)
        if self._http is None:
            self._http = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=REQUEST_TIMEOUT_S))
        try:
            async with self._http.post(self.url, data=raw, headers=headers) as response:
                if 200 <= response.status < 300:
                    return None
                return f"HTTP {response.status}"
        except (aiohttp.ClientError, TimeoutError) as error:
            return type(error).__name__

    async def _record(self, row_id: int, error: str | None) -> None:
        now = self.clock()
        async with self.session_factory() as session, session.begin():
            row = await session.get(CrmOutbox, row_id)
            if row is None:  # erased meanwhile (/delete): nothing to record
                return
            row.attempts += 1
            if error is None:
                row.delivered_at = now
                row.last_error = None
                logger.info("CRM delivery %s done after %d attempt(s)", row_id, row.attempts)
                return
            row.last_error = error[:500]
            if crm.should_give_up(row.attempts, self.max_attempts):
                row.failed_at = now
                logger.error("CRM delivery %s gave up after %d attempts: %s", row_id, row.attempts, error)
            else:
                row.next_attempt_at = now + crm.backoff_delay(row.attempts)
                logger.warning(
                    "CRM delivery %s failed (%s); retry at %s",
                    row_id,
                    error,
                    aware(row.next_attempt_at).isoformat(timespec="seconds"),
                )

"""The CRM webhook: an outbox row committed with the lead, signed, retried with back-off, restart-proof."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field

import pytest
from aiohttp import web

from bot.db.models import CrmOutbox, Lead
from bot.features.leads.crm import verify_signature
from flows.consent import CONSENT_VERSION
from tests.bot import stub_engine
from tests.e2e.harness import BotRunner, FakeClock, fetch_rows
from tests.e2e.leads_support import STAFF_CHAT_ID, become_lead, eventually
from tests.fakes.telegram import FakeTelegram

SECRET = "whsec-test-123"


@dataclass
class Receiver:
    """A CRM on 127.0.0.1 that answers 500 to the first request and 200 afterwards."""

    url: str = ""
    requests: list[tuple[dict[str, str], bytes]] = field(default_factory=list)
    fail_first: int = 1


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    state = Receiver()

    async def hook(request: web.Request) -> web.Response:
        state.requests.append((dict(request.headers), await request.read()))
        if len(state.requests) <= state.fail_first:
            return web.Response(status=500, text="CRM is down")
        return web.json_response({"ok": True})

    app = web.Application()
    app.router.add_post("/hook", hook)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    state.url = f"http://127.0.0.1:{port}/hook"
    yield state
    await runner.cleanup()


async def test_lead_reaches_the_crm_once_signed_after_a_failure_and_a_restart(
    fake_telegram: FakeTelegram,
    run_bot: Callable[..., BotRunner],
    database_url: str,
    clock: FakeClock,
    receiver: Receiver,
) -> None:
    settings = {"staff_chat_id": STAFF_CHAT_ID, "crm_webhook_url": receiver.url, "crm_webhook_secret": SECRET}
    runner = run_bot(stub_engine)
    await runner.start(**settings)
    chat = runner.chat(fake_telegram.user(first_name="Ann"))
    (done,) = await become_lead(chat, phone="(415) 555-2671", name="Ann")
    assert "Thank you, Ann" in done.text  # the person never waits on the CRM

    async def first_attempt_recorded() -> bool:
        rows = await fetch_rows(database_url, CrmOutbox)
        return len(rows) == 1 and rows[0].attempts == 1

    await eventually(first_attempt_recorded)
    (row,) = await fetch_rows(database_url, CrmOutbox)
    assert row.delivered_at is None and row.last_error == "HTTP 500"
    assert len(receiver.requests) == 1

    # The process restarts before the retry is due; the row is in the database, not in memory.
    await runner.stop()
    clock.advance(seconds=29)
    await runner.start(**settings)
    feature = runner.app.dp["leads"]  # type: ignore[union-attr]
    assert await feature.outbox.run_once() == 0  # back-off: 30 s after the first failure
    clock.advance(seconds=2)
    await feature.outbox.run_once()

    async def delivered() -> list[CrmOutbox]:
        return [r for r in await fetch_rows(database_url, CrmOutbox) if r.delivered_at is not None]

    (row,) = await eventually(delivered)
    assert row.attempts == 2 and row.last_error is None
    assert len(await fetch_rows(database_url, CrmOutbox)) == 1
    assert len(receiver.requests) == 2  # exactly one accepted delivery, after the one failure

    (lead,) = await fetch_rows(database_url, Lead)
    for headers, body in receiver.requests:
        assert headers["X-Signature"].startswith("sha256=")
        assert verify_signature(body, SECRET, headers["X-Timestamp"], headers["X-Signature"])
        assert not verify_signature(body, "wrong-secret", headers["X-Timestamp"], headers["X-Signature"])
        assert headers["X-Outbox-Id"] == str(row.id) and headers["X-Event"] == "lead.created"
    assert receiver.requests[0][1] == receiver.requests[1][1]  # a retry sends the same bytes
    payload = json.loads(receiver.requests[1][1])
    assert payload["lead_id"] == lead.id and payload["phone"] == "+14155552671" and payload["name"] == "Ann"
    assert payload["consent"]["version"] == CONSENT_VERSION
    assert payload["consent"]["phone"] == "+14155552671"
    assert payload["consent"]["channel"] == "telegram_button"

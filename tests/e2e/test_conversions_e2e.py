"""An ad click to the platforms, end to end over real HTTP: /go/<campaign> → /start → screening →
consent → lead → one Meta event and one Google upload, checked by local fake receivers
(tests/fakes/adplatforms.py). A decliner sends nothing, a redelivered update sends nothing twice,
a restart mid-outbox loses nothing, an erased person's conversions are never sent."""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator, Callable
from urllib.parse import parse_qs, urlsplit

import aiohttp
import pytest
from aiohttp import web

from bot.db.engine import create_engine, create_session_factory
from bot.db.models import Lead, LinkToken
from bot.db.office import Click, ConversionOutbox, TranscriptLine
from bot.features.site import install_site
from bot.runner.state import aware
from tests.bot import stub_engine
from tests.e2e.harness import BotRunner, Chat, FakeClock, fetch_conversation, fetch_rows, make_settings
from tests.e2e.leads_support import AGREE, DECLINE, eventually
from tests.fakes.adplatforms import AdPlatforms
from tests.fakes.telegram import FakeTelegram

BOT = "IrsHelpBot"
FBCLID = "IwAR2F4-dbP0l7Mn1IawQQGCINEz7PYXQvwjNwB_qa2ofrHyiLjcbCRxTDMgk"
GCLID = "Cj0KCQiA-abc_DEF123xyz"
PHONE_DIGITS = "14155552671"


@pytest.fixture
async def platforms() -> AsyncIterator[AdPlatforms]:
    async with AdPlatforms() as fakes:
        yield fakes


@pytest.fixture
async def site(fake_telegram: FakeTelegram, database_url: str) -> AsyncIterator[str]:
    """The bot's web pages (/go, /dashboard) as `python -m bot web` serves them."""
    settings = make_settings(fake_telegram, database_url, bot_username=BOT)
    engine = create_engine(database_url)
    app = web.Application()
    install_site(app, settings, create_session_factory(engine))
    runner = web.AppRunner(app)
    await runner.setup()
    tcp = web.TCPSite(runner, "127.0.0.1", 0)
    await tcp.start()
    port = tcp._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    yield f"http://127.0.0.1:{port}"
    await runner.cleanup()
    await engine.dispose()


async def click(site: str, campaign: str, **query: str) -> str:
    """An ad click: the redirect to Telegram, and the one-time token it carries."""
    headers = {"User-Agent": "Mozilla/5.0 (iPhone) FBAN/FBIOS", "Referer": "https://m.facebook.com/"}
    async with aiohttp.ClientSession() as http:
        async with http.get(
            f"{site}/go/{campaign}", params=query, headers=headers, allow_redirects=False
        ) as r:
            assert r.status == 302 and r.headers["Cache-Control"] == "no-store"
            location = r.headers["Location"]
    parts = urlsplit(location)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "t.me", f"/{BOT}")
    (token,) = parse_qs(parts.query)["start"]
    assert token.startswith("c_") and len(token) <= 64
    return token


async def lead_from_ad(chat: Chat, token: str) -> None:
    await chat.send(f"/start {token}")
    await chat.send("Ann")
    await chat.press("Blue")
    await chat.press(AGREE)
    await chat.send("(415) 555-2671")
    await chat.send("Ann Lee")
    await chat.send("Morning")


async def test_an_ad_click_becomes_one_meta_event_and_one_google_upload(
    fake_telegram: FakeTelegram,
    run_bot: Callable[..., BotRunner],
    database_url: str,
    platforms: AdPlatforms,
    site: str,
) -> None:
    runner = run_bot(stub_engine)
    await runner.start(bot_username=BOT, **platforms.settings())
    token = await click(
        site,
        "spring",
        utm_source="facebook",
        utm_medium="cpc",
        utm_campaign="spring",
        utm_content="video_a",
        fbclid=FBCLID,
        gclid=GCLID,
    )
    (stored,) = await fetch_rows(database_url, Click, Click.token == token)
    assert (stored.fbclid, stored.gclid, stored.used_at) == (FBCLID, GCLID, None)
    assert (
        stored.user_agent == "Mozilla/5.0 (iPhone) FBAN/FBIOS"
        and stored.referrer == "https://m.facebook.com/"
    )
    (link,) = await fetch_rows(database_url, LinkToken, LinkToken.token == token)
    assert (link.campaign, link.utm_source, link.utm_medium, link.utm_content) == (
        "spring",
        "facebook",
        "cpc",
        "video_a",
    )

    ann = fake_telegram.user(first_name="Ann")
    chat = runner.chat(ann)
    await lead_from_ad(chat, token)
    conv = await fetch_conversation(database_url, ann.id)
    assert (conv.click_id, conv.source_last, conv.source_token) == (stored.id, "spring", token)

    # Telegram delivers the last update again: nothing is written or queued twice.
    last = fake_telegram.updates[-1]["update_id"]
    await chat.do(_redeliver(fake_telegram, last))
    assert runner.outcomes[-1].duplicate

    await eventually(lambda: _count(platforms, 1, 1))
    feature = runner.app.dp["backoffice"]  # type: ignore[union-attr]
    assert await feature.sender.run_once() == 0  # nothing left to send
    assert not platforms.rejected
    (lead,) = await fetch_rows(database_url, Lead)
    (event,) = platforms.meta
    clicked_ms = int(aware(stored.created_at).timestamp() * 1000)
    assert event["event_name"] == "Lead" and event["event_id"] == f"lead-{lead.id}"
    assert event["action_source"] == "chat"
    assert event["user_data"]["fbc"] == f"fb.1.{clicked_ms}.{FBCLID}"
    assert event["user_data"]["ph"] == [hashlib.sha256(PHONE_DIGITS.encode()).hexdigest()]
    (upload,) = platforms.google
    assert upload["gclid"] == GCLID and upload["orderId"] == f"lead-{lead.id}"
    assert upload["conversionAction"] == "customers/1234567890/conversionActions/987654"
    assert upload["userIdentifiers"] == [{"hashedPhoneNumber": hashlib.sha256(b"+14155552671").hexdigest()}]
    assert platforms.token_requests == 1
    # The conversation as Ann saw it is kept for the lead, her words and the bot's.
    lines = await fetch_rows(database_url, TranscriptLine, TranscriptLine.conversation_id == conv.id)
    assert [line.text for line in lines if line.role == "person"][:3] == ["/start", "Ann", "Blue"]

    # The same link opened again by someone else: their campaign, not Ann's click.
    bob = fake_telegram.user(first_name="Bob")
    await runner.chat(bob).send(f"/start {token}")
    other = await fetch_conversation(database_url, bob.id)
    assert (other.source_last, other.click_id) == ("spring", None)


async def test_a_person_who_declines_sends_nothing(
    fake_telegram: FakeTelegram,
    run_bot: Callable[..., BotRunner],
    database_url: str,
    platforms: AdPlatforms,
    site: str,
) -> None:
    runner = run_bot(stub_engine)
    await runner.start(bot_username=BOT, **platforms.settings(send_screening=True))
    token = await click(site, "spring", fbclid=FBCLID, gclid=GCLID)
    chat = runner.chat(fake_telegram.user(first_name="Dee"))
    await chat.send(f"/start {token}")
    await chat.send("Dee")
    await chat.press("Blue")
    await chat.press(DECLINE)
    feature = runner.app.dp["backoffice"]  # type: ignore[union-attr]
    await feature.sender.run_once()
    assert await fetch_rows(database_url, ConversionOutbox) == []
    assert platforms.meta == [] and platforms.google == []


async def test_a_restart_mid_outbox_loses_nothing_and_sends_each_once(
    fake_telegram: FakeTelegram,
    run_bot: Callable[..., BotRunner],
    database_url: str,
    clock: FakeClock,
    platforms: AdPlatforms,
    site: str,
) -> None:
    settings = {"bot_username": BOT, **platforms.settings(send_screening=True)}
    runner = run_bot(stub_engine)
    await runner.start(**settings)
    platforms.fail_next = 3  # the first tries of all three conversions fail
    token = await click(site, "spring", fbclid=FBCLID, gclid=GCLID)
    await lead_from_ad(runner.chat(fake_telegram.user(first_name="Ann")), token)

    async def all_tried() -> bool:
        rows = await fetch_rows(database_url, ConversionOutbox)
        return len(rows) == 3 and all(r.attempts == 1 and r.delivered_at is None for r in rows)

    await eventually(all_tried)
    assert {(r.destination, r.event) for r in await fetch_rows(database_url, ConversionOutbox)} == {
        ("meta", "lead"),
        ("meta", "screening"),
        ("google", "lead"),
    }
    await runner.stop()
    clock.advance(seconds=31)  # the first retry is due 30 s after the failure
    await runner.start(**settings)
    await eventually(lambda: _count(platforms, 2, 1))
    rows = await fetch_rows(database_url, ConversionOutbox)
    assert all(r.delivered_at is not None and r.attempts == 2 for r in rows)
    assert sorted(e["event_name"] for e in platforms.meta) == ["Lead", "SubmitApplication"]


async def test_an_erased_person_is_never_sent(
    fake_telegram: FakeTelegram,
    run_bot: Callable[..., BotRunner],
    database_url: str,
    clock: FakeClock,
    platforms: AdPlatforms,
    site: str,
) -> None:
    runner = run_bot(stub_engine)
    await runner.start(bot_username=BOT, **platforms.settings())
    platforms.fail_next = 2
    token = await click(site, "spring", fbclid=FBCLID, gclid=GCLID)
    ann = fake_telegram.user(first_name="Ann")
    await lead_from_ad(runner.chat(ann), token)
    await eventually(lambda: _tried(database_url, 2))
    await ann.send("/delete")
    (confirm,) = await ann.wait_messages(1)
    await ann.press("🗑 Yes, erase my data", confirm)
    await eventually(lambda: _gone(database_url))
    clock.advance(minutes=5)
    feature = runner.app.dp["backoffice"]  # type: ignore[union-attr]
    assert await feature.sender.run_once() == 0
    assert platforms.meta == [] and platforms.google == []
    assert (
        await fetch_rows(database_url, Click) == [] and await fetch_rows(database_url, TranscriptLine) == []
    )


async def _redeliver(tg: FakeTelegram, update_id: int) -> None:
    tg.redeliver(update_id)


async def _count(platforms: AdPlatforms, meta: int, google: int) -> bool:
    return len(platforms.meta) == meta and len(platforms.google) == google


async def _tried(database_url: str, n: int) -> bool:
    rows = await fetch_rows(database_url, ConversionOutbox)
    return len(rows) == n and all(r.attempts >= 1 for r in rows)


async def _gone(database_url: str) -> bool:
    return await fetch_rows(database_url, ConversionOutbox) == []

"""Campaign attribution over real HTTP: a link token on /start, sticky A/B variants, unknown tokens."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, datetime

from bot.config.variants import load_variants
from bot.db.engine import create_engine, create_session_factory
from bot.db.models import EventRecord, LinkToken
from bot.features.attribution import LinkFields, store_token
from tests.e2e import scripts
from tests.e2e.harness import BotRunner, fetch_conversation, fetch_rows, run_script
from tests.fakes.telegram import FakeTelegram

FBCLID = "IwAR" + "x1Y2z3-_" * 20


async def mint(database_url: str, token: str, fields: LinkFields) -> None:
    engine = create_engine(database_url)
    try:
        async with create_session_factory(engine)() as session, session.begin():
            await store_token(session, token, fields, now=datetime(2026, 11, 1, tzinfo=UTC))
    finally:
        await engine.dispose()


async def test_a_link_token_records_the_campaign_and_its_utm_fields(
    fake_telegram: FakeTelegram, run_bot: Callable[..., BotRunner], database_url: str
) -> None:
    fields = LinkFields(
        utm_source="facebook", utm_medium="cpc", utm_campaign="spring", utm_content="video_a", click_id=FBCLID
    )
    await mint(database_url, "t_Ab3-x_9Qz0", fields)
    runner = run_bot()
    app = await runner.start()
    app.runner.variant_rng = random.Random(3)

    ann = fake_telegram.user(first_name="Ann")
    chat = runner.chat(ann)
    greeting, *_ = await chat.send("/start t_Ab3-x_9Qz0")

    conv = await fetch_conversation(database_url, ann.id)
    assert (conv.source_first, conv.source_last, conv.source_token) == ("spring", "spring", "t_Ab3-x_9Qz0")
    (token,) = await fetch_rows(database_url, LinkToken, LinkToken.token == conv.source_token)
    assert (token.utm_source, token.utm_medium, token.utm_content, token.click_id) == (
        "facebook", "cpc", "video_a", FBCLID,
    )  # fmt: skip

    # The greeting is the assigned intro variant, and the started event carries the names.
    book = load_variants()
    assert conv.variant_intro in {v.name for v in book.options("intro", "spring")}
    assert conv.variant_cta in {v.name for v in book.options("cta", "spring")}
    intro = book.text("intro", conv.variant_intro, "en") or ""
    assert greeting.text[:20] == intro[:20] and "not tax advice" in greeting.text
    (started,) = await fetch_rows(
        database_url, EventRecord, EventRecord.chat_id == ann.id, EventRecord.kind == "started"
    )
    assert started.source == "spring"
    assert started.data["variant_intro"] == conv.variant_intro

    # The CTA variant leads into the call to action, on the plan's summary.
    replies = await run_script(chat, scripts.SHORT_TERM_BUTTONS)
    cta = book.text("cta", conv.variant_cta, "en") or ""
    summary = next(m for m in replies if "Your plan" in m.text)
    assert cta and f"{cta}\nWant a professional" in summary.text


async def test_a_returning_person_keeps_their_variants(
    fake_telegram: FakeTelegram, run_bot: Callable[..., BotRunner], database_url: str
) -> None:
    runner = run_bot()
    app = await runner.start()
    app.runner.variant_rng = random.Random(11)
    bob = fake_telegram.user(first_name="Bob")
    chat = runner.chat(bob)
    first_greeting, *_ = await chat.send("/start spring_fb")
    before = await fetch_conversation(database_url, bob.id)
    for seed in range(5):  # whatever the draws, the person keeps what they saw
        app.runner.variant_rng = random.Random(seed)
        again, *_ = await chat.send("/start levy_fb")
    after = await fetch_conversation(database_url, bob.id)
    assert (after.variant_intro, after.variant_cta) == (before.variant_intro, before.variant_cta)
    assert (after.source_first, after.source_last) == ("spring_fb", "levy_fb")


async def test_an_unknown_token_is_a_plain_campaign_never_an_error(
    fake_telegram: FakeTelegram, run_bot: Callable[..., BotRunner], database_url: str
) -> None:
    runner = run_bot()
    await runner.start()
    cy = fake_telegram.user(first_name="Cy")
    replies = await runner.chat(cy).send("/start t_nosuchtokn")
    assert replies  # greeted as usual
    conv = await fetch_conversation(database_url, cy.id)
    assert (conv.source_first, conv.source_token) == ("t_nosuchtokn", None)

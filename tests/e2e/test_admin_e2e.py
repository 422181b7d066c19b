"""/stats and /export over real HTTP: admins get the report, the chart and the CSV; others get nothing."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import datetime

from bot.db import repo
from bot.db.engine import create_engine, create_session_factory
from bot.db.models import EventRecord, Lead, LeadConversation
from tests.e2e import scripts
from tests.e2e.harness import BotRunner, FakeClock, run_script
from tests.fakes.telegram import BotMessage, FakeTelegram, FakeUser


async def messages_until(user: FakeUser, kind: str) -> list[BotMessage]:
    """Admin replies bypass the conversation service, so wait for the last one we expect by its kind."""
    received: list[BotMessage] = []
    while not any(m.kind == kind for m in received):
        received += await user.wait_messages(1, timeout=10)
    return received


async def screen_ann(fake_telegram: FakeTelegram, runner: BotRunner) -> int:
    ann = fake_telegram.user(first_name="Ann")
    chat = runner.chat(ann)
    await chat.send("/start spring_fb")
    await run_script(chat, scripts.SHORT_TERM_BUTTONS)
    return ann.id


async def test_an_admin_gets_a_short_summary_a_real_chart_and_the_dashboard_link(
    fake_telegram: FakeTelegram, run_bot: Callable[..., BotRunner]
) -> None:
    boss = fake_telegram.user(first_name="Boss")
    runner = run_bot()
    await runner.start(
        admin_ids=[boss.id], public_base_url="https://bot.example.com", dashboard_secret="s" * 32
    )
    await screen_ann(fake_telegram, runner)

    await boss.send("/stats")
    received = await messages_until(boss, "photo")
    texts = [m for m in received if m.kind == "text"]
    assert len(texts) == 1 and len(texts[0].text) < 600  # a summary, not four monospace pages
    summary = texts[0].text
    assert "Starts: 1" in summary and "Completed: 1 (100%)" in summary and "Leads: 0" in summary
    assert "Top campaigns: spring_fb (1 / 0)" in summary
    assert "Open the dashboard" in summary
    assert 'href="https://bot.example.com/dashboard/"' in texts[0].html

    (photo,) = fake_telegram.calls("sendPhoto")
    (upload,) = photo.files.values()  # aiogram attaches it under a random name
    png = upload.content
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (750, 360)  # matplotlib's figure: 7.5 x 3.6 in at 100 dpi
    assert boss.received_photos and "Funnel" in boss.received_photos[0].text


async def test_without_a_dashboard_stats_says_how_to_configure_one(
    fake_telegram: FakeTelegram, run_bot: Callable[..., BotRunner]
) -> None:
    boss = fake_telegram.user(first_name="Boss")
    runner = run_bot()
    await runner.start(admin_ids=[boss.id])
    await boss.send("/stats")
    (reply,) = await boss.wait_messages(1)
    assert "No conversations in this period." in reply.text
    assert "PUBLIC_BASE_URL, DASHBOARD_SECRET" in reply.text
    await boss.send("/dashboard")
    (reply,) = await boss.wait_messages(1)
    assert "not configured" in reply.text


async def test_a_non_admin_sending_stats_gets_the_ordinary_reply(
    fake_telegram: FakeTelegram, run_bot: Callable[..., BotRunner]
) -> None:
    boss = fake_telegram.user(first_name="Boss")
    runner = run_bot()
    await runner.start(admin_ids=[boss.id])
    eve = fake_telegram.user(first_name="Eve")
    chat = runner.chat(eve)
    await chat.send("/start")
    to_stats = await chat.send("/stats")
    to_other = await chat.send("/whatever")
    # The same answer an unknown command gets: nothing reveals that /stats exists.
    assert [m.text for m in to_stats] == [m.text for m in to_other]
    assert not any("Starts:" in m.text or "Report" in m.text for m in to_stats)
    await chat.send("/export")
    await fake_telegram.wait_idle()
    assert not fake_telegram.calls("sendPhoto") and not fake_telegram.calls("sendDocument")


async def record_lead(database_url: str, chat_id: int, now: datetime) -> None:
    """What the leads feature stores when a person consents and leaves a number."""
    engine = create_engine(database_url)
    try:
        async with create_session_factory(engine)() as session, session.begin():
            conv = await repo.get_conversation(session, chat_id)
            assert conv is not None
            lead = Lead(phone_e164="+15550102030", name="Ann", lang="en", status="new", urgent=True,
                        source=conv.source_last, card={}, created_at=now, updated_at=now)  # fmt: skip
            session.add(lead)
            await session.flush()
            session.add(LeadConversation(conversation_id=conv.id, lead_id=lead.id, created_at=now))
            session.add(
                EventRecord(
                    conversation_id=conv.id,
                    chat_id=chat_id,
                    kind="lead_created",
                    data={"urgent": True},
                    source=conv.source_last,
                    created_at=now,
                )
            )
    finally:
        await engine.dispose()


async def test_an_admin_gets_the_csv_export_of_leads(
    fake_telegram: FakeTelegram, run_bot: Callable[..., BotRunner], database_url: str, clock: FakeClock
) -> None:
    boss = fake_telegram.user(first_name="Boss")
    runner = run_bot()
    await runner.start(admin_ids=[boss.id])
    ann_id = await screen_ann(fake_telegram, runner)
    await screen_bob_without_lead(fake_telegram, runner)
    await record_lead(database_url, ann_id, clock())

    await boss.send("/export")
    await messages_until(boss, "document")
    (call,) = fake_telegram.calls("sendDocument")
    (upload,) = call.files.values()  # aiogram attaches it under a random name
    assert upload.filename.endswith(".csv")
    rows = list(csv.DictReader(io.StringIO(upload.content.decode("utf-8"))))
    assert len(rows) == 1, rows  # Bob finished but left no number: not a lead
    (row,) = rows
    assert row["source_first"] == row["source_last"] == "spring_fb"
    assert row["balance"] == "8000" and row["top_program"] == "short_term_plan"
    assert row["variant_intro"] and row["variant_cta"]
    assert (row["name"], row["phone"], row["lead_urgent"], row["lead_status"]) == (
        "Ann",
        "+15550102030",
        "yes",
        "new",
    )
    assert "1 rows" in boss.received_documents[0].text


async def screen_bob_without_lead(fake_telegram: FakeTelegram, runner: BotRunner) -> None:
    bob = fake_telegram.user(first_name="Bob")
    chat = runner.chat(bob)
    await chat.send("/start levy_g")
    await run_script(chat, scripts.SHORT_TERM_BUTTONS)

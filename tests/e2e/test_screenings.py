"""Whole screenings over real HTTP, from /start to the plan and the firm's call to action."""

from __future__ import annotations

from bot.db.models import Assessment, EventRecord
from tests.e2e import scripts
from tests.e2e.harness import BOOKING_URL, FIRM_PHONE, BotRunner, fetch_conversation, fetch_rows, run_script
from tests.fakes.telegram import BotMessage, FakeTelegram


def plan_text(messages: list[BotMessage]) -> str:
    return "\n".join(m.text for m in messages)


def assert_call_to_action(messages: list[BotMessage]) -> None:
    """The firm's call to action is on the plan's summary: call (phone), book (URL button), change an answer.
    (How a phone number is then collected is the leads feature's, tested in its own tests.)"""
    cta = next(m for m in messages if FIRM_PHONE in m.text)
    assert "Acme & Sons <Tax>" in cta.text  # escaped by the bot, shown literally by Telegram
    book = next(b for row in cta.inline_keyboard for b in row if b.get("url"))
    assert book["url"] == BOOKING_URL
    assert "Change an answer" in cta.buttons


async def test_short_term_plan_by_buttons_from_a_deep_link(
    fake_telegram: FakeTelegram, bot: BotRunner, database_url: str
) -> None:
    ann = fake_telegram.user(first_name="Ann")
    chat = bot.chat(ann)
    greeting, first = await chat.send("/start fb_ad-2026_11")
    assert "not tax advice" in greeting.text
    assert "Question 1 of ~" in first.text
    assert "The IRS (federal)" in first.buttons

    replies = await run_script(chat, scripts.SHORT_TERM_BUTTONS)
    text = plan_text(replies)
    assert "Short-term payment plan" in text
    assert "not tax advice" in text.lower()
    assert_call_to_action(replies)

    conv = await fetch_conversation(database_url, ann.id)
    assert (conv.status, conv.source_first, conv.source_last) == (
        "finished",
        "fb_ad-2026_11",
        "fb_ad-2026_11",
    )
    assert conv.snapshot["answers"]["balance"] == "8000"
    (assessment,) = await fetch_rows(database_url, Assessment, Assessment.chat_id == ann.id)
    assert assessment.answers["can_pay_in_180_days"] is True
    assert assessment.plan
    events = await fetch_rows(database_url, EventRecord, EventRecord.chat_id == ann.id)
    kinds = [e.kind for e in events]
    assert kinds[0] == "started" and "completed" in kinds
    assert {e.source for e in events} == {"fb_ad-2026_11"}


async def test_streamlined_plan_all_typed(fake_telegram: FakeTelegram, bot: BotRunner) -> None:
    bob = fake_telegram.user(first_name="Bob")
    chat = bot.chat(bob)
    await chat.send("/start")
    replies = await run_script(chat, scripts.STREAMLINED_TYPED)
    text = plan_text(replies)
    assert "Streamlined payment plan" in text
    assert "$417 a month" in text
    assert_call_to_action(replies)


async def test_final_notice_puts_cdp_hearing_first_then_offer_in_compromise(
    fake_telegram: FakeTelegram, bot: BotRunner
) -> None:
    cid = fake_telegram.user(first_name="Cid")
    chat = bot.chat(cid)
    await chat.send("/start")
    replies = await run_script(chat, scripts.CDP_AND_OIC)
    summary = next(m for m in replies if "Your plan" in m.text)
    assert summary.text.index("Urgent") < summary.text.index("1. Collection Due Process hearing")
    assert "December 10, 2026" in summary.text  # 30 days from the letter, counted from the bot's clock
    other = next(b for b in summary.buttons if b.startswith("Other options"))
    assert "Offer in Compromise" in plan_text(await chat.press(other, summary))


async def test_currently_not_collectible_in_spanish(
    fake_telegram: FakeTelegram, bot: BotRunner, database_url: str
) -> None:
    dora = fake_telegram.user(first_name="Dora", language_code="es-MX")
    chat = bot.chat(dora)
    greeting, _ = await chat.send("/start")
    assert "no asesoría fiscal" in greeting.text
    replies = await run_script(chat, scripts.CNC_SPANISH_TYPED, hint="Pregunta ")
    text = plan_text(replies)
    assert "no cobrable" in text
    assert any("Reservar una consulta" in m.buttons for m in replies)
    conv = await fetch_conversation(database_url, dora.id)
    assert conv.lang == "es"

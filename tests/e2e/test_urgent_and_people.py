"""Issue 18 over real HTTP: urgency first, a person on demand, the person's language, stop contact.

The real bot against the fake Bot API, on SQLite and PostgreSQL: what the person sees, what
the staff chat gets, what is stored.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.db.models import Consent, Lead
from tests.e2e.harness import BotRunner, FakeClock, fetch_conversation, fetch_rows
from tests.e2e.leads_support import AGREE, STAFF_CHAT_ID
from tests.fakes.telegram import FakeTelegram

CALL_NOW = "📞 Call me now"
LLAMENME = "📞 Llámenme ahora"


async def test_an_lt11_ten_days_old_gets_a_call_offered_at_that_question_and_an_urgent_card(
    fake_telegram: FakeTelegram, run_bot: Callable[..., BotRunner], database_url: str, clock: FakeClock
) -> None:
    runner = run_bot()
    await runner.start(staff_chat_id=STAFF_CHAT_ID)
    staff = fake_telegram.group(STAFF_CHAT_ID)
    lia = fake_telegram.user(first_name="Lia")
    chat = runner.chat(lia)
    await chat.send("/start")
    for reply in (
        "b:The IRS (federal)",
        "52000",
        "b:Personal (Form 1040)",
        "b:Yes",
        "b:LT11 / 1058 / CP90 (final)",
    ):
        replies = await chat.answer(reply)
        assert not any(CALL_NOW in m.buttons for m in replies), "no deadline known yet"
    urgent, question = await chat.send("2026-11-15")  # ten days before the bot's clock
    assert "This can't wait" in urgent.text and "December 15, 2026 (20 days left)" in urgent.text
    assert urgent.buttons == [CALL_NOW] and "Question" in question.text
    (consent,) = await chat.press(CALL_NOW, urgent)
    assert "can call you about this today" in consent.text
    await chat.press(AGREE, consent)
    await chat.send("(212) 736-5000")
    await chat.send("Lia")
    replies = await chat.send("Morning")
    assert any("Meanwhile, let's finish" in m.text for m in replies)
    assert "already started a levy" in replies[-1].text and replies[-1].buttons[:2] == ["Yes", "No"]

    (card,) = await staff.wait_messages(1)
    assert "URGENT" in card.text and "20 days left" in card.text
    assert "Asked for a call NOW" in card.text
    (lead,) = await fetch_rows(database_url, Lead)
    assert lead.urgent and lead.card["reason"] == "urgent"
    conv = await fetch_conversation(database_url, lia.id)
    assert conv.status == "active" and conv.lead_step == "done"


async def test_the_same_in_spanish(
    fake_telegram: FakeTelegram, run_bot: Callable[..., BotRunner], database_url: str
) -> None:
    runner = run_bot()
    await runner.start(staff_chat_id=STAFF_CHAT_ID)
    ana = fake_telegram.user(first_name="Ana", language_code="es")
    chat = runner.chat(ana)
    await chat.send("/start")
    for reply in ("federal", "52000", "1", "sí", "5"):
        await chat.send(reply)
    urgent, _ = await chat.send("15/11/2026")
    assert "Esto no puede esperar" in urgent.text and "15 de diciembre de 2026" in urgent.text
    assert urgent.buttons == [LLAMENME]


async def test_asking_for_a_person_at_question_three_reaches_the_staff_with_consent(
    fake_telegram: FakeTelegram, run_bot: Callable[..., BotRunner], database_url: str
) -> None:
    runner = run_bot()
    await runner.start(staff_chat_id=STAFF_CHAT_ID)
    staff = fake_telegram.group(STAFF_CHAT_ID)
    bo = fake_telegram.user(first_name="Bo")
    chat = runner.chat(bo)
    await chat.send("/start")
    await chat.answer("b:The IRS (federal)")
    await chat.send("20000")
    (consent,) = await chat.send("I want to talk to a person")
    assert "someone from Acme & Sons <Tax> can talk with you" in consent.text
    await chat.press(AGREE, consent)
    await chat.send("(212) 736-5000")
    await chat.send("Bo")
    replies = await chat.send("Any time")
    assert "What kind of tax debt is it?" in replies[-1].text  # back at question 3
    (card,) = await staff.wait_messages(1)
    assert "Asked to talk to a person" in card.text

    # Later, as a known lead: no new consent, the staff are told again.
    replies = await chat.send("/human")
    assert "will contact you as soon as possible" in replies[0].text
    (notice,) = await staff.wait_messages(1)
    assert "asks to talk to a person now" in notice.text


async def test_a_spanish_speaker_with_an_english_phone_leaves_english_with_her_first_words(
    fake_telegram: FakeTelegram, run_bot: Callable[..., BotRunner], database_url: str
) -> None:
    runner = run_bot()
    await runner.start()
    eva = fake_telegram.user(first_name="Eva", language_code="en")
    chat = runner.chat(eva)
    greeting, question = await chat.send("/start")
    assert greeting.buttons == ["English", "Español"] and "Who do you owe?" in question.text
    note, again = await chat.send("hola, hablo español")
    assert "Seguiré en español" in note.text and note.buttons == ["English"]
    assert "¿A quién le debe?" in again.text
    assert (await fetch_conversation(database_url, eva.id)).lang == "es"
    (back,) = (await chat.press("English", note))[:1]
    assert "let's continue in English" in back.text


async def test_stop_contacting_me_keeps_the_record_and_tells_the_staff(
    fake_telegram: FakeTelegram, run_bot: Callable[..., BotRunner], database_url: str
) -> None:
    from tests.bot import stub_engine
    from tests.e2e.leads_support import become_lead

    runner = run_bot(stub_engine)
    await runner.start(staff_chat_id=STAFF_CHAT_ID)
    staff = fake_telegram.group(STAFF_CHAT_ID)
    cy = fake_telegram.user(first_name="Cy")
    chat = runner.chat(cy)
    await become_lead(chat)
    await staff.wait_messages(1)  # the card
    (done,) = await chat.send("please stop contacting me")
    assert "won't contact you" in done.text and "/delete" in done.text
    (notice,) = await staff.wait_messages(1)
    assert "asked not to be contacted again" in notice.text
    (lead,) = await fetch_rows(database_url, Lead)
    assert lead.status == "withdrawn" and lead.name == "Ann Lee"  # kept, marked, not erased
    consents = await fetch_rows(database_url, Consent)
    assert [c.accepted for c in sorted(consents, key=lambda c: c.id)] == [True, False]
    assert consents[-1].channel == "telegram_text"

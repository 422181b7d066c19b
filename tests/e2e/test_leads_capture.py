"""Consent first, then the number (shared or typed), name and best time; a "no" is respected.

Runs the real bot against the fake Bot API with the two-question stub screening, so
these tests are about the lead capture, not the IRS rules.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.db.models import Consent, Conversation, EventRecord, Lead, LeadConversation
from flows.consent import CONSENT_VERSION
from tests.bot import stub_engine
from tests.e2e.harness import BotRunner, fetch_rows
from tests.e2e.leads_support import AGREE, DECLINE, SHARE, STAFF_CHAT_ID, become_lead, finish_stub
from tests.fakes.telegram import FakeTelegram


async def start(run_bot: Callable[..., BotRunner]) -> BotRunner:
    runner = run_bot(stub_engine)
    await runner.start(staff_chat_id=STAFF_CHAT_ID)
    return runner


async def test_consent_comes_first_then_own_shared_contact(
    fake_telegram: FakeTelegram, run_bot: Callable[..., BotRunner], database_url: str
) -> None:
    runner = await start(run_bot)
    ann = fake_telegram.user(first_name="Ann")
    chat = runner.chat(ann)
    messages = await finish_stub(chat)
    consent = messages[-1]
    # The firm is named (escaped), the channel is said, and nothing asks for a number yet.
    assert "Acme &amp; Sons &lt;Tax&gt;" in consent.html or "Acme & Sons <Tax>" in consent.text
    assert "call you or send you text messages" in consent.text
    assert consent.buttons == [AGREE, DECLINE]
    assert not any(SHARE in m.reply_buttons for m in messages)
    assert await fetch_rows(database_url, Consent) == []

    (ask,) = await chat.press(AGREE)
    assert ann.reply_keyboard == [SHARE]
    assert any(b.get("request_contact") for row in ask.reply_keyboard for b in row)

    # Someone else's contact card is refused politely and not stored.
    (refused,) = await chat.do(ann.share_contact("+15550001111", own=False))
    assert "someone else's contact" in refused.text
    assert (await fetch_rows(database_url, Consent))[0].phone_e164 is None

    (ask_name,) = await chat.do(ann.share_contact("14155552671"))  # Telegram sends no "+"
    assert "What name" in ask_name.text
    assert ann.reply_keyboard == ["Ann"]  # the Telegram first name, one tap away
    (ask_time,) = await chat.do(ann.tap("Ann"))
    assert ann.reply_keyboard == ["Morning", "Afternoon", "Evening", "Any time"]
    (done,) = await chat.do(ann.tap("Morning"))
    assert "(415) 555-2671" in done.text and "Morning" in done.text
    assert done.removes_keyboard

    (lead,) = await fetch_rows(database_url, Lead)
    assert (lead.phone_e164, lead.name, lead.best_time, lead.status) == (
        "+14155552671",
        "Ann",
        "morning",
        "new",
    )
    (record,) = await fetch_rows(database_url, Consent)
    assert record.accepted and record.version == CONSENT_VERSION and record.channel == "telegram_button"
    assert record.phone_e164 == "+14155552671" and record.lead_id == lead.id and len(record.text_hash) == 64
    kinds = [e.kind for e in await fetch_rows(database_url, EventRecord)]
    assert kinds.count("consent_given") == 1 and kinds.count("lead_created") == 1
    (created,) = await fetch_rows(database_url, EventRecord, EventRecord.kind == "lead_created")
    assert created.data == {"urgent": False}


async def test_typed_number_is_normalised_and_a_bad_one_re_prompted(
    fake_telegram: FakeTelegram, run_bot: Callable[..., BotRunner], database_url: str
) -> None:
    runner = await start(run_bot)
    bob = fake_telegram.user(first_name="Bob")
    chat = runner.chat(bob)
    await finish_stub(chat, "Bob")
    await chat.press(AGREE)
    (again,) = await chat.send("555-1234")
    assert "doesn't look like a phone number" in again.text and "(415) 555-2671" in again.text
    (again,) = await chat.send("call me maybe")
    assert "doesn't look like a phone number" in again.text
    (ask_name,) = await chat.send("+1 (212) 736-5000")
    assert "What name" in ask_name.text
    (bad,) = await chat.send("12345")
    assert "Please type a name" in bad.text
    await chat.send("Robert <b>Smith</b>")
    (done,) = await chat.send("after 6pm")
    assert "Robert &lt;b&gt;Smith&lt;/b&gt;" in done.html or "Robert <b>Smith</b>" in done.text
    (lead,) = await fetch_rows(database_url, Lead)
    assert lead.phone_e164 == "+12127365000"
    assert lead.best_time == "after 6pm"


async def test_decline_is_respected_and_not_asked_twice_in_one_screening(
    fake_telegram: FakeTelegram, run_bot: Callable[..., BotRunner], database_url: str
) -> None:
    runner = await start(run_bot)
    cy = fake_telegram.user(first_name="Cy")
    chat = runner.chat(cy)
    await finish_stub(chat, "Cy")
    (declined,) = await chat.press(DECLINE)
    assert "nobody will contact you" in declined.text
    (record,) = await fetch_rows(database_url, Consent)
    assert record.accepted is False and record.phone_e164 is None

    # Going back and finishing the same screening again does not ask again.
    await chat.send("/back")
    messages = await chat.press("Red")
    assert not any(AGREE in m.buttons for m in messages)
    # Sharing a number anyway stores nothing.
    (reply,) = await chat.do(cy.share_contact("+14155552671"))
    assert "won't ask again" in reply.text
    assert (await fetch_rows(database_url, Conversation))[0].contact_phone is None
    assert await fetch_rows(database_url, Lead) == []

    # A new screening after /restart may ask again.
    await chat.send("/restart")
    await chat.send("Cy")
    messages = await chat.press("Blue")
    assert messages[-1].buttons == [AGREE, DECLINE]
    kinds = [e.kind for e in await fetch_rows(database_url, EventRecord)]
    assert kinds.count("consent_declined") == 1 and kinds.count("consent_offered") == 2


async def test_same_number_from_a_second_account_is_the_same_lead(
    fake_telegram: FakeTelegram, run_bot: Callable[..., BotRunner], database_url: str
) -> None:
    runner = await start(run_bot)
    staff = fake_telegram.group(STAFF_CHAT_ID)
    first = runner.chat(fake_telegram.user(first_name="Dee"))
    await become_lead(first, phone="415-555-2671", name="Dee")
    (card,) = await staff.wait_messages(1)
    second = runner.chat(fake_telegram.user(first_name="Dee2"))
    (done,) = await become_lead(second, phone="+1 415 555 2671", name="Dee again")
    assert "(415) 555-2671" in done.text

    (lead,) = await fetch_rows(database_url, Lead)
    assert lead.name == "Dee"  # the first record stays; the second account is linked to it
    assert len(await fetch_rows(database_url, LeadConversation, LeadConversation.lead_id == lead.id)) == 2
    kinds = [e.kind for e in await fetch_rows(database_url, EventRecord)]
    assert kinds.count("lead_created") == 1 and kinds.count("lead_linked") == 1
    # No second card: the first one now says another account came in.
    assert len(staff.messages) == 1
    assert "another Telegram account" in staff.messages[0].text


async def test_a_name_with_a_nul_or_a_lone_surrogate_is_stored_cleaned(
    fake_telegram: FakeTelegram, run_bot: Callable[..., BotRunner], database_url: str
) -> None:
    """No keyboard types either, but a client can send them, and neither database takes them as they
    are (before, this step failed on both and the person waited for an answer): a NUL is dropped, a
    lone surrogate becomes "?"."""
    runner = await start(run_bot)
    chat = runner.chat(fake_telegram.user(first_name="Eve"))
    (done,) = await become_lead(chat, name="Eve\x00 \ud800Lee", best_time="Mor\x00ning \udfff")
    assert "Thank you, Eve ?Lee!" in done.text
    (lead,) = await fetch_rows(database_url, Lead)
    assert (lead.name, lead.best_time) == ("Eve ?Lee", "Morning ?")

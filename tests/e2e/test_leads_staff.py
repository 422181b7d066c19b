"""The staff chat: the lead card, Take / Done, the two-way relay while taken, and hand back."""

from __future__ import annotations

from collections.abc import Callable

from bot.db.models import Conversation, Lead
from flows.consent import CONSENT_VERSION
from tests.bot import stub_engine
from tests.e2e import scripts
from tests.e2e.harness import BotRunner, fetch_conversation, fetch_rows, run_script
from tests.e2e.leads_support import AGREE, STAFF_CHAT_ID, become_lead
from tests.fakes.telegram import FakeTelegram


async def test_card_has_what_a_caller_needs_and_take_then_done_edit_it(
    fake_telegram: FakeTelegram, run_bot: Callable[..., BotRunner], database_url: str
) -> None:
    runner = run_bot()  # the real screening: the card shows a real plan and a real deadline
    await runner.start(staff_chat_id=STAFF_CHAT_ID)
    staff = fake_telegram.group(STAFF_CHAT_ID)
    maria = fake_telegram.user(first_name="María")
    chat = runner.chat(maria)
    await chat.send("/start fb_ad-2026_11")
    messages = await run_script(chat, scripts.CDP_AND_OIC)
    assert messages[-1].buttons[0] == AGREE
    await chat.press(AGREE)
    await chat.send("(212) 736-5000")
    await chat.send("María <José>")
    await chat.send("Evening")

    (card,) = await staff.wait_messages(1)
    text = card.text
    assert "María <José>" in text  # escaped in HTML, shown literally
    assert "+12127365000" in text and "(212) 736-5000" in text
    assert "Evening" in text
    assert "$60,000" in text
    assert "URGENT" in text and "Urgency: 15 days left before a deadline" in text
    # The recommended plan in two lines (Plan.summary): routes in order, then balance and deadline.
    plan_lines = text.split("Plan:\n", 1)[1].split("\nSource:", 1)[0].splitlines()
    assert len(plan_lines) == 2
    assert "Collection Due Process hearing" in plan_lines[0] and "→" in plan_lines[0]
    assert "(15 days left)" in plan_lines[1]
    conv = await fetch_conversation(database_url, maria.id)
    assert f"Source: {conv.source_last}" in text and conv.source_last
    assert f"v{CONSENT_VERSION}, 2026-11-25T15:00:00+00:00, via Telegram button" in text
    assert card.buttons == ["🙋 Take", "✅ Done"]
    # What a caller needs before dialling, beyond the basics (issue 17).
    assert "Language: English" in text
    assert "Letter: LT11 / 1058 / CP90 (final) (2026-11-10) · deadline: 2026-12-10" in text
    assert "Monthly income: $2,500" in text
    assert "Plan: Collection Due Process hearing" in text
    assert "inbox" not in text  # no dashboard configured: no link to it

    olga = staff.member(501, "Olga")
    query = await olga.press("🙋 Take", card)
    await staff.wait_answer(query)
    (told,) = await maria.wait_messages(1)
    assert "team is now with you" in told.text
    card = staff.messages[0]
    assert "taken by Olga" in card.text
    assert card.buttons == ["↩️ Hand back", "✅ Done"]
    (lead,) = await fetch_rows(database_url, Lead)
    assert (lead.status, lead.taken_by, lead.taken_by_name) == ("taken", 501, "Olga")
    assert lead.staff_message_id == card.message_id

    query = await olga.press("✅ Done", card)
    await staff.wait_answer(query)
    card = staff.messages[0]  # Done asks how it ended; nothing changes until an outcome is chosen
    assert card.buttons[:2] == ["📅 Booked", "🚫 Not qualified"] and "↩️ Back" in card.buttons
    assert (await fetch_rows(database_url, Lead))[0].status == "taken"
    query = await olga.press("📅 Booked", card)
    await staff.wait_answer(query)
    (back,) = await maria.wait_messages(1)
    assert "back with the automated assistant" in back.text
    card = staff.messages[0]
    assert "done by Olga" in card.text and card.buttons == []
    (lead,) = await fetch_rows(database_url, Lead)
    assert (lead.status, lead.outcome) == ("done", "booked")
    assert (await fetch_conversation(database_url, maria.id)).with_staff is False


async def test_relay_both_ways_while_taken_then_hand_back(
    fake_telegram: FakeTelegram, run_bot: Callable[..., BotRunner], database_url: str
) -> None:
    runner = run_bot(stub_engine)
    await runner.start(staff_chat_id=STAFF_CHAT_ID)
    staff = fake_telegram.group(STAFF_CHAT_ID)
    ann = fake_telegram.user(first_name="Ann")
    chat = runner.chat(ann)
    await become_lead(chat, name="Ann <b>")
    (card,) = await staff.wait_messages(1)
    olga = staff.member(501, "Olga")
    await staff.wait_answer(await olga.press("🙋 Take", card))
    await chat.read()  # "a member of the team is with you"

    # The person's words go to the staff chat with a header naming the lead; the bot says nothing.
    assert await chat.send("Can you call <after> 5?") == []
    (relayed,) = await staff.wait_messages(1)
    assert relayed.text.startswith("💬 Ann <b> (lead #")
    assert "Can you call <after> 5?" in relayed.text
    # Commands and buttons of the screening are relayed too, not acted on.
    assert await chat.send("/restart") == []
    (relayed_cmd,) = await staff.wait_messages(1)
    assert "/restart" in relayed_cmd.text
    assert (await fetch_conversation(database_url, ann.id)).status == "finished"
    # Media is copied under a header.
    assert await chat.do(ann.send_sticker()) == []
    header, sticker = await staff.wait_messages(2)
    assert "Ann <b>" in header.text
    assert sticker.kind != "text"  # the sticker itself, copied by the bot

    # A staff reply to a relayed message reaches the person, from the bot.
    await olga.send("Sure — 5:30pm works.", reply_to=relayed)
    (reply,) = await ann.wait_messages(1)
    assert reply.text == "Sure — 5:30pm works."
    # Staff chatter that replies to nothing stays in the staff chat.
    await olga.send("note to self")
    await olga.send("replying to the card reaches the person too", reply_to=card)
    (reply2,) = await ann.wait_messages(1)
    assert "replying to the card" in reply2.text
    assert ann.unread == []

    # /handback as a reply: the person is told and the bot answers again.
    await olga.send("/handback", reply_to=relayed)
    (back,) = await ann.wait_messages(1)
    assert "back with the automated assistant" in back.text
    (notice,) = await staff.wait_messages(1)
    assert "handed back to the bot by Olga" in notice.text
    card = staff.messages[0]
    assert "handed back" in card.text and card.buttons == ["🙋 Take", "✅ Done"]
    conv: Conversation = await fetch_conversation(database_url, ann.id)
    assert conv.with_staff is False
    answers = await chat.send("hello bot")
    assert answers, "the bot answers again after the hand back"
    assert len(staff.unread) == 0

    # A reply after the hand back is not delivered; staff are told why.
    await olga.send("are you there?", reply_to=relayed)
    (why,) = await staff.wait_messages(1)
    assert "not taken" in why.text
    assert ann.unread == []


async def test_card_source_names_the_campaign_and_the_utm_fields_of_a_link_token(
    fake_telegram: FakeTelegram, run_bot: Callable[..., BotRunner], database_url: str
) -> None:
    from bot.db.engine import create_engine, create_session_factory
    from bot.features.attribution import LinkFields, store_token

    engine = create_engine(database_url)
    async with create_session_factory(engine)() as session, session.begin():
        fields = LinkFields(utm_source="facebook", utm_medium="cpc", utm_campaign="spring_<sale>")
        await store_token(session, "t_abcdefghij", fields)
    await engine.dispose()
    runner = run_bot(stub_engine)
    await runner.start(staff_chat_id=STAFF_CHAT_ID)
    staff = fake_telegram.group(STAFF_CHAT_ID)
    chat = runner.chat(fake_telegram.user(first_name="Tok"))
    await chat.send("/start t_abcdefghij")
    await chat.send("Tok")
    await chat.press("Blue")
    await chat.press(AGREE)
    await chat.send("(415) 555-2671")
    await chat.send("Tok")
    await chat.send("Morning")
    (card,) = await staff.wait_messages(1)
    assert "Source: spring_<sale> (facebook / cpc)" in card.text

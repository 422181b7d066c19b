"""Everything around the happy path: bad input, stale and double taps, concurrency, restarts,
commands, unexpected content, returning people, contacts, redelivered updates."""

from __future__ import annotations

import asyncio

from bot.db.models import EventRecord
from tests.e2e import scripts
from tests.e2e.harness import BotRunner, Chat, FakeClock, fetch_conversation, fetch_rows, run_script
from tests.fakes.telegram import BotMessage, FakeTelegram, FakeUser

FIRST_QUESTION = "Who do you owe?"
BALANCE_QUESTION = "How much do you owe the IRS in total?"


async def begin(bot: BotRunner, user: FakeUser) -> tuple[Chat, BotMessage]:
    chat = bot.chat(user)
    *_, question = await chat.send("/start")
    assert FIRST_QUESTION in question.text
    return chat, question


def only(messages: list[BotMessage]) -> BotMessage:
    assert len(messages) == 1, [m.text for m in messages]
    return messages[0]


async def test_bad_input_at_every_question_type_is_rejected_and_the_question_stays(
    fake_telegram: FakeTelegram, bot: BotRunner, database_url: str
) -> None:
    user = fake_telegram.user()
    chat, _ = await begin(bot, user)
    # (question reached after these answers, bad reply) for choice, money, yes/no, date, count.
    cases = {
        0: "purple",  # choice: debt_scope
        1: "lots",  # money: balance
        3: "perhaps",  # yes/no: all_returns_filed
        5: "someday",  # date: letter_date
        18: "many",  # count: household_size
    }
    for index, reply in enumerate(scripts.CDP_AND_OIC[:19]):
        if index in cases:
            error = only(await chat.send(cases[index]))
            assert "Question " not in error.text, f"{cases[index]!r} was accepted"
            assert "for example" in error.text.lower() or "tap a button" in error.text.lower(), error.text
        replies = await chat.answer(reply)
        assert any("Question " in m.text for m in replies), (index, reply, [m.text for m in replies])
    conv = await fetch_conversation(database_url, user.id)
    assert conv.snapshot["answers"]["household_size"] == 1
    events = await fetch_rows(database_url, EventRecord, EventRecord.chat_id == user.id)
    assert sum(e.kind == "invalid" for e in events) == len(cases)


async def test_answer_with_html_is_shown_escaped(fake_telegram: FakeTelegram, bot: BotRunner) -> None:
    # The fake Bot API rejects malformed HTML with 400, like Telegram: a reply arriving at all proves
    # the message was valid HTML.
    chat, _ = await begin(bot, fake_telegram.user(first_name="<b>Eve & co</b>"))
    await chat.answer("b:The IRS (federal)")
    reply = only(await chat.send("<b>&"))
    assert "<b>" not in reply.text or "&" in reply.text
    assert all(c.ok for c in fake_telegram.calls("sendMessage"))


async def test_a_nul_in_typed_text_is_dropped_and_the_answer_counts(
    fake_telegram: FakeTelegram, bot: BotRunner, database_url: str
) -> None:
    """No keyboard types a NUL, but a client can send one; PostgreSQL's text cannot hold it. A bad
    answer with one is refused as any bad answer; a good one is taken, and stored without it."""
    user = fake_telegram.user()
    chat, _ = await begin(bot, user)
    question = (await chat.answer("b:The IRS (federal)"))[-1]
    assert BALANCE_QUESTION in question.text
    error = only(await chat.send("lots\x00"))
    assert "for example" in error.text.lower()
    replies = await chat.send("52\x00000")
    assert any("Question " in m.text for m in replies), [m.text for m in replies]
    conv = await fetch_conversation(database_url, user.id)
    assert conv.snapshot["answers"]["balance"] == "52000"
    events = await fetch_rows(database_url, EventRecord, EventRecord.chat_id == user.id)
    assert [e.question_id for e in events if e.kind == "invalid"] == ["balance"]


async def test_a_button_from_an_old_message_changes_nothing(
    fake_telegram: FakeTelegram, bot: BotRunner, database_url: str
) -> None:
    user = fake_telegram.user()
    chat, first = await begin(bot, user)
    await chat.send("federal")  # typed: the first question's keyboard stays on screen
    before = await fetch_conversation(database_url, user.id)

    assert await chat.press("Both", first) == []
    answer = user.callback_answers[-1]
    assert answer.text and "earlier" in answer.text

    after = await fetch_conversation(database_url, user.id)
    assert after.snapshot == before.snapshot
    assert after.snapshot["answers"]["debt_scope"] == "federal"


async def test_double_tap_second_press_changes_nothing(
    fake_telegram: FakeTelegram, bot: BotRunner, database_url: str
) -> None:
    user = fake_telegram.user()
    chat, first = await begin(bot, user)
    messages = await chat.do(asyncio.gather(user.press("Both", first), user.press("My state only", first)), 2)
    assert len(messages) == 1 and "Question 2" in messages[0].text
    assert len(user.callback_answers) == 2  # both spinners stopped
    assert (await fetch_conversation(database_url, user.id)).snapshot["answers"]["debt_scope"] == "both"
    # The chosen answer is marked on the old message and the marker is inert.
    assert first.buttons == ["✓ Both"]
    query_id = await user.press("✓ Both", first)
    assert (await user.wait_answer(query_id)).text == "You already answered this one."


async def test_two_messages_sent_at_once_are_both_answered_in_order(
    fake_telegram: FakeTelegram, bot: BotRunner, database_url: str
) -> None:
    user = fake_telegram.user()
    chat, _ = await begin(bot, user)
    messages = await chat.do(asyncio.gather(user.send("federal"), user.send("9000")), 2)
    assert BALANCE_QUESTION in messages[0].text
    assert "Question 3" in messages[1].text
    answers = (await fetch_conversation(database_url, user.id)).snapshot["answers"]
    assert (answers["debt_scope"], answers["balance"]) == ("federal", "9000")


async def test_bot_restart_mid_screening_continues_at_the_same_question(
    fake_telegram: FakeTelegram, bot: BotRunner, database_url: str
) -> None:
    user = fake_telegram.user()
    chat, _ = await begin(bot, user)
    script = scripts.SHORT_TERM_BUTTONS
    await run_script(chat, script[:3])

    await bot.restart()  # new Bot, Dispatcher and service; same database file/server

    replies = await run_script(chat, script[3:])
    assert "Short-term payment plan" in "\n".join(m.text for m in replies)
    conv = await fetch_conversation(database_url, user.id)
    assert conv.status == "finished"
    assert conv.snapshot["answers"]["balance"] == "8000"


async def test_stickers_photos_voice_and_files_get_their_own_reply_and_the_question_again(
    fake_telegram: FakeTelegram, bot: BotRunner
) -> None:
    user = fake_telegram.user()
    chat, _ = await begin(bot, user)
    await chat.answer("b:The IRS (federal)")
    for action, said in (
        (user.send_sticker(), "I can only read text"),
        (user.send_photo(b"\x89PNG not a picture"), "I couldn't read an IRS notice on that"),
        (user.send_voice(), "I can't listen to voice or video messages"),
        (user.send_document(b"%PDF-1.4 broken"), "I couldn't read an IRS notice on that"),
        (user.send_document(b"PK\x03\x04", "notes.docx", "application/msword"), "I can't open that file"),
        (user.send_location(), "I can only read text"),
    ):
        note, question = await chat.do(action, timeout=60)
        assert said in note.text
        assert BALANCE_QUESTION in question.text


async def test_help_back_restart_and_cancel(
    fake_telegram: FakeTelegram, bot: BotRunner, database_url: str
) -> None:
    user = fake_telegram.user()
    chat, _ = await begin(bot, user)
    await chat.answer("b:The IRS (federal)")

    help_, question = await chat.send("/help")
    assert "/back" in help_.text and BALANCE_QUESTION in question.text

    *_, back = await chat.send("/back")
    assert FIRST_QUESTION in back.text

    await chat.answer("federal")  # typed, so the keyboard of `back` stays pressable
    await chat.answer("12000")
    *_, restarted = await chat.send("/restart")
    assert FIRST_QUESTION in restarted.text and "Question 1" in restarted.text
    assert (await fetch_conversation(database_url, user.id)).snapshot["answers"] == {}

    # The first question's buttons from before the restart are stale now.
    assert await chat.press("Both", back) == []
    assert "earlier" in (user.callback_answers[-1].text or "")

    await chat.answer("b:Both")
    (cancelled,) = await chat.send("/cancel")
    assert "/start" in cancelled.text
    conv = await fetch_conversation(database_url, user.id)
    assert conv.status == "cancelled" and conv.snapshot["answers"]["debt_scope"] == "both"

    messages = await chat.send("/start")
    assert len(messages) == 1, [m.text for m in messages]
    assert messages[0].buttons == ["Continue", "Start over"]
    continued = await chat.press("Continue")
    assert BALANCE_QUESTION in continued[-1].text, [m.text for m in continued]
    assert (await fetch_conversation(database_url, user.id)).status == "active"


async def test_returning_person_is_offered_to_continue_or_start_over(
    fake_telegram: FakeTelegram, bot: BotRunner, clock: FakeClock, database_url: str
) -> None:
    user = fake_telegram.user()
    chat, _ = await begin(bot, user)
    await run_script(chat, scripts.SHORT_TERM_BUTTONS[:3])

    clock.advance(hours=3)
    (offer,) = await chat.send("hello")
    assert "Welcome back" in offer.text and offer.buttons == ["Continue", "Start over"]
    assert (await fetch_conversation(database_url, user.id)).snapshot["answers"]["balance"] == "8000"

    messages = await chat.press("Start over")
    assert "Question 1" in messages[-1].text
    assert (await fetch_conversation(database_url, user.id)).snapshot["answers"] == {}


async def test_review_then_continue_goes_on_to_the_open_question(
    fake_telegram: FakeTelegram, bot: BotRunner, clock: FakeClock
) -> None:
    """/review mid-screening, then its Continue: the next question, not the same review again; and
    after a break, the welcome-back offer's own Continue still resumes."""
    user = fake_telegram.user()
    chat, _ = await begin(bot, user)
    await run_script(chat, scripts.SHORT_TERM_BUTTONS[:2])
    (review,) = await chat.send("/review")
    assert "Owed to: The IRS" in review.text and "Continue" in review.buttons
    messages = await chat.press("Continue", review)
    assert "What kind of tax debt is it?" in messages[-1].text and "Question 3 of" in messages[-1].text
    assert not any("Your answers so far" in m.text for m in messages)

    clock.advance(hours=3)
    (offer,) = await chat.send("hello")
    assert "Welcome back" in offer.text
    messages = await chat.press("Continue", offer)
    assert "What kind of tax debt is it?" in messages[-1].text


async def test_redelivered_update_is_not_answered_twice(fake_telegram: FakeTelegram, bot: BotRunner) -> None:
    user = fake_telegram.user()
    chat, _ = await begin(bot, user)
    await chat.answer("b:The IRS (federal)")
    last = fake_telegram.updates[-1]["update_id"]
    assert await chat.do(asyncio.sleep(0, fake_telegram.redeliver(last))) == []
    assert bot.outcomes[-1].duplicate


async def test_invalid_deep_link_payload_is_ignored(
    fake_telegram: FakeTelegram, bot: BotRunner, database_url: str
) -> None:
    user = fake_telegram.user()
    chat = bot.chat(user)
    messages = await chat.send("/start not a valid payload!")
    assert FIRST_QUESTION in messages[-1].text
    assert (await fetch_conversation(database_url, user.id)).source_first is None


async def test_command_menu_and_descriptions_in_english_and_spanish(
    fake_telegram: FakeTelegram, bot: BotRunner
) -> None:
    calls = fake_telegram.calls("setMyCommands")
    by_lang = {c.params.get("language_code"): [x["command"] for x in c.params["commands"]] for c in calls}
    menu = ["start", "human", "back", "restart", "help", "language", "cancel", "mydata", "delete", "stop"]
    assert by_lang[None] == by_lang["es"] == menu
    assert "IRS" in fake_telegram.short_descriptions[""] and "IRS" in fake_telegram.short_descriptions["es"]
    assert fake_telegram.descriptions[""] != fake_telegram.descriptions["es"]

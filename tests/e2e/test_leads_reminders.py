"""One reminder per abandonment, after the delay, with a button to continue; never to the wrong people."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import update

from bot.db.models import Conversation, EventRecord
from tests.bot import stub_engine
from tests.e2e.harness import BotRunner, FakeClock, fetch_rows
from tests.e2e.leads_support import STAFF_CHAT_ID, finish_stub, sql
from tests.fakes.telegram import FakeTelegram


async def test_one_reminder_after_the_delay_only_to_people_who_left_mid_screening(
    fake_telegram: FakeTelegram, run_bot: Callable[..., BotRunner], database_url: str, clock: FakeClock
) -> None:
    runner = run_bot(stub_engine)
    await runner.start(staff_chat_id=STAFF_CHAT_ID, reminder_delay_hours=24)
    reminders = runner.app.dp["leads"].reminders  # type: ignore[union-attr]

    left = fake_telegram.user(first_name="Left")
    left_chat = runner.chat(left)
    await left_chat.send("/start")
    await left_chat.send("Lee")  # stops at the second question

    finished = fake_telegram.user(first_name="Fin")
    await finish_stub(runner.chat(finished), "Fin")

    stopped = fake_telegram.user(first_name="Stop")
    stopped_chat = runner.chat(stopped)
    await stopped_chat.send("/start")
    (ok,) = await stopped_chat.send("/stop")
    assert "won't send you reminders" in ok.text and "/start" in ok.text

    with_staff = fake_telegram.user(first_name="Staffed")
    await runner.chat(with_staff).send("/start")
    await sql(
        database_url,
        update(Conversation).where(Conversation.chat_id == with_staff.id).values(with_staff=True),
    )

    clock.advance(hours=23, minutes=59)
    assert await reminders.run_once() == 0
    clock.advance(minutes=2)
    assert await reminders.run_once() == 1
    (reminder,) = await left.wait_messages(1)
    assert "partway through" in reminder.text and "/stop" in reminder.text
    assert reminder.buttons == ["▶️ Continue"]
    for person in (finished, stopped, with_staff):
        assert person.unread == []
    # Once per abandonment: the next sweeps send nothing more.
    clock.advance(hours=30)
    assert await reminders.run_once() == 0

    # The button continues where they left off.
    (question,) = await left_chat.press("▶️ Continue")
    assert "Pick a colour" in question.text
    # They leave again: one more reminder, a day later.
    clock.advance(hours=23)
    assert await reminders.run_once() == 0
    clock.advance(hours=2)
    assert await reminders.run_once() == 1
    await left.wait_messages(1)
    events = await fetch_rows(database_url, EventRecord, EventRecord.kind == "reminder_sent")
    assert [e.chat_id for e in events] == [left.id, left.id]

    # /start opts back in.
    (back_in, *_rest) = await stopped_chat.send("/start")
    assert "reminders are on again" in back_in.text

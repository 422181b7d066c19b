"""A Social Security / tax ID number is never stored, forwarded or logged; the person is told."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable

import pytest

from bot.db.models import EventRecord
from tests.bot import stub_engine
from tests.e2e.harness import BotRunner, fetch_conversation, fetch_rows
from tests.e2e.leads_support import STAFF_CHAT_ID, become_lead
from tests.fakes.telegram import FakeTelegram

SSN = "123-45-6789"


async def test_ssn_in_an_answer_and_in_the_staff_relay_is_dropped(
    fake_telegram: FakeTelegram,
    run_bot: Callable[..., BotRunner],
    database_url: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    runner = run_bot(stub_engine)
    await runner.start(staff_chat_id=STAFF_CHAT_ID)
    staff = fake_telegram.group(STAFF_CHAT_ID)
    ann = fake_telegram.user(first_name="Ann")
    chat = runner.chat(ann)
    await chat.send("/start")

    # Typed as the answer to a question: not taken as the answer, deleted from the chat, person told.
    mid = await ann.send(f"my ssn is {SSN}")
    (warning,) = await ann.wait_messages(1)
    assert "never need it" in warning.text
    assert any(c.params.get("message_id") == mid for c in fake_telegram.calls("deleteMessage"))
    conv = await fetch_conversation(database_url, ann.id)
    assert conv.state == "name" and "name" not in conv.snapshot["answers"]
    # A money amount written like money is an answer as usual (the stub takes any text).
    await chat.send("$123,456,789")
    assert (await fetch_conversation(database_url, ann.id)).snapshot["answers"]["name"] == "$123,456,789"

    # Now a lead, taken by staff: the number is not relayed either way.
    await chat.send("/restart")
    await become_lead(chat, name="Ann")
    (card,) = await staff.wait_messages(1)
    olga = staff.member(501, "Olga")
    await staff.wait_answer(await olga.press("🙋 Take", card))
    await ann.wait_messages(1)

    await ann.send("it is 123 45 6789")
    (warning,) = await ann.wait_messages(1)
    assert "never need it" in warning.text
    await ann.send("thanks")  # a normal message still goes through, so the one above was really dropped
    (relayed,) = await staff.wait_messages(1)
    assert "thanks" in relayed.text

    await olga.send("Is your EIN 12-3456789?", reply_to=relayed)
    (staff_warning,) = await staff.wait_messages(1)
    assert "not sent to the person" in staff_warning.text
    await olga.send("Great, talk soon.", reply_to=relayed)
    (reply,) = await ann.wait_messages(1)
    assert reply.text == "Great, talk soon."

    stored = json.dumps(
        [(await fetch_conversation(database_url, ann.id)).snapshot]
        + [e.data for e in await fetch_rows(database_url, EventRecord)]
    )
    # Logs checked at DEBUG, SQL parameters included (aiosqlite logs them).
    for number in (SSN, "123 45 6789", "12-3456789"):
        assert number not in stored
        assert not any(number in record.getMessage() for record in caplog.records), number
    texts = [m.text for m in staff.messages] + [m.text for m in ann.messages]
    assert not any("6789" in text for text in texts)

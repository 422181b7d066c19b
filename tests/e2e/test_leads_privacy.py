"""/mydata shows what is kept; /delete erases it after confirmation and tells the staff chat."""

from __future__ import annotations

import json
from collections.abc import Callable

from bot.db.models import (
    Assessment,
    Consent,
    Conversation,
    CrmOutbox,
    EventRecord,
    Lead,
    LeadConversation,
    ProcessedUpdate,
    StaffRelay,
)
from tests.bot import stub_engine
from tests.e2e.harness import BotRunner, fetch_rows
from tests.e2e.leads_support import STAFF_CHAT_ID, eventually
from tests.fakes.telegram import FakeTelegram


async def test_mydata_then_delete_with_confirmation(
    fake_telegram: FakeTelegram, run_bot: Callable[..., BotRunner], database_url: str
) -> None:
    runner = run_bot(stub_engine)
    # A CRM nobody listens on: the delivery stays undelivered, and must be erased with the lead.
    await runner.start(
        staff_chat_id=STAFF_CHAT_ID, crm_webhook_url="http://127.0.0.1:9/hook", crm_webhook_secret="s"
    )
    staff = fake_telegram.group(STAFF_CHAT_ID)
    ann = fake_telegram.user(first_name="Ann")
    chat = runner.chat(ann)
    await chat.send("/start fb_spring")
    await chat.send("Ann Q")
    await chat.press("Blue")
    await chat.press("✅ I agree, contact me")
    await chat.send("(415) 555-2671")
    await chat.send("Ann Quinn")
    await chat.send("Any time")
    (card,) = await staff.wait_messages(1)
    assert len(await fetch_rows(database_url, CrmOutbox)) == 1

    # /mydata and /delete are not screening steps: wait for their replies directly.
    await ann.send("/mydata")
    (mine,) = await ann.wait_messages(1)
    for expected in ("fb_spring", "Ann Q", "blue", "Ann Quinn", "(415) 555-2671", "agreed", "2026-11-v1"):
        assert expected in mine.text, expected

    await ann.send("/delete")
    (confirm,) = await ann.wait_messages(1)
    assert "cannot be undone" in confirm.text
    assert confirm.buttons == ["🗑 Yes, erase my data", "Keep it"]
    await ann.press("Keep it", confirm)
    await eventually(lambda: _edited_to(ann, confirm.message_id, "Nothing was erased"))
    assert len(await fetch_rows(database_url, Lead)) == 1

    await ann.send("/delete")
    (confirm,) = await ann.wait_messages(1)
    await ann.press("🗑 Yes, erase my data", confirm)
    await eventually(lambda: _none_left(database_url))
    done = await eventually(lambda: _edited_to(ann, confirm.message_id, "your data is erased"))
    assert done

    for model in (Conversation, Assessment, Consent, Lead, LeadConversation, StaffRelay, CrmOutbox):
        assert await fetch_rows(database_url, model) == [], model.__name__
    events = await fetch_rows(database_url, EventRecord)
    assert events and all(e.chat_id is None and e.conversation_id is None for e in events)
    kinds = [e.kind for e in events]
    assert "lead_created" in kinds and "lead_withdrawn" in kinds and "consent_given" in kinds
    dumped = json.dumps([e.data for e in events])
    assert "Ann" not in dumped and "2671" not in dumped
    assert all(u.chat_id != ann.id for u in await fetch_rows(database_url, ProcessedUpdate))

    (notice,) = await staff.wait_messages(1)
    assert "withdrew" in notice.text
    card = staff.messages[0]
    assert "Ann Quinn" not in card.text and "2671" not in card.text and card.buttons == []

    await ann.send("/mydata")
    (nothing,) = await ann.wait_messages(1)
    assert "don't keep anything" in nothing.text


async def _none_left(database_url: str) -> bool:
    return await fetch_rows(database_url, Conversation) == []


async def _edited_to(user: object, message_id: int, text: str) -> bool:
    return any(
        m.message_id == message_id and text in m.text
        for m in user.messages  # type: ignore[attr-defined]
    )

"""The life of a lead as the CRM sees it, and the transcript's privacy, over real HTTP.

CRM: created, taken, done with the outcome staff chose, handed back, deleted, each signed, each
with the UTM fields and the ad click ids. Transcript: what the person saw, never a tax id, gone
with /delete; the inbox link on the card when the dashboard is configured.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field

import pytest
from aiohttp import web

from bot.db.models import Conversation
from bot.db.office import TranscriptLine
from bot.features.leads.crm import verify_signature
from bot.features.privacy.ssn import contains_tax_id
from tests.bot import stub_engine
from tests.e2e.harness import BotRunner, FakeClock, fetch_rows
from tests.e2e.leads_support import AGREE, STAFF_CHAT_ID, eventually
from tests.fakes.telegram import FakeTelegram

SECRET = "whsec-test-456"


@dataclass
class Receiver:
    """A CRM on 127.0.0.1 that accepts everything and keeps the requests."""

    url: str = ""
    requests: list[tuple[dict[str, str], bytes]] = field(default_factory=list)


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    state = Receiver()

    async def hook(request: web.Request) -> web.Response:
        state.requests.append((dict(request.headers), await request.read()))
        return web.json_response({"ok": True})

    app = web.Application()
    app.router.add_post("/hook", hook)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    state.url = f"http://127.0.0.1:{port}/hook"
    yield state
    await runner.cleanup()


async def test_the_crm_hears_every_change_of_a_lead_with_its_attribution(
    fake_telegram: FakeTelegram, run_bot: Callable[..., BotRunner], database_url: str, receiver: Receiver
) -> None:
    runner = run_bot(stub_engine)
    await runner.start(
        staff_chat_id=STAFF_CHAT_ID,
        crm_webhook_url=receiver.url,
        crm_webhook_secret=SECRET,
        dashboard_secret="d" * 20,
        public_base_url="https://bot.example.com",
    )
    staff = fake_telegram.group(STAFF_CHAT_ID)
    ann = fake_telegram.user(first_name="Ann")
    chat = runner.chat(ann)
    await chat.send("/start spring_fb")
    await chat.send("Ann")
    await chat.press("Blue")
    await chat.press(AGREE)
    await chat.send("(415) 555-2671")
    await chat.send("Ann Lee")
    await chat.send("Morning")
    (card,) = await staff.wait_messages(1)
    assert 'href="https://bot.example.com/dashboard/leads/1"' in card.html  # the lead in the inbox
    olga = staff.member(501, "Olga")
    await staff.wait_answer(await olga.press("🙋 Take", card))
    await staff.wait_answer(await olga.press("↩️ Hand back", staff.messages[0]))
    await staff.wait_answer(await olga.press("🙋 Take", staff.messages[0]))
    await staff.wait_answer(await olga.press("✅ Done", staff.messages[0]))
    await staff.wait_answer(await olga.press("📵 No answer", staff.messages[0]))

    outbox = runner.app.dp["leads"].outbox  # type: ignore[union-attr]

    async def delivered(n: int) -> bool:
        await outbox.run_once()  # staff changes wait for the outbox's next poll; do not wait 5 s for it
        return len(receiver.requests) >= n

    await eventually(lambda: delivered(5))
    # In the order they were written (two senders may each take some: their arrival order may differ).
    receiver.requests.sort(key=lambda request: int(request[0]["X-Outbox-Id"]))
    events = [json.loads(body) for _, body in receiver.requests]
    assert [e["event"] for e in events] == [
        "lead.created",
        "lead.taken",
        "lead.handed_back",
        "lead.taken",
        "lead.done",
    ]
    for (headers, body), event in zip(receiver.requests, events, strict=True):
        assert verify_signature(body, SECRET, headers["X-Timestamp"], headers["X-Signature"])
        assert headers["X-Event"] == event["event"] and event["lead_id"] == 1
        assert "utm_source" in event and set(event["click_ids"]) == {"fbclid", "gclid", "wbraid", "gbraid"}
    assert events[-1]["outcome"] == "no_answer" and events[-1]["status"] == "done"
    assert events[1]["staff"] == "Olga"

    await eventually(lambda: _told(ann, 4))  # taken, handed back, taken, done: the bot told Ann each time
    await ann.wait_messages(len(ann.unread))
    await ann.send("/delete")
    (confirm,) = await ann.wait_messages(1)
    await ann.press("🗑 Yes, erase my data", confirm)
    await eventually(lambda: delivered(6))
    deleted = json.loads(receiver.requests[-1][1])
    assert (
        deleted["event"] == "lead.deleted"
        and deleted["lead_id"] == 1
        and set(deleted) == {"event", "lead_id", "at"}
    )


async def test_the_transcript_keeps_what_was_seen_never_a_tax_id_and_goes_with_delete(
    fake_telegram: FakeTelegram, run_bot: Callable[..., BotRunner], database_url: str
) -> None:
    runner = run_bot(stub_engine)
    await runner.start()
    cy = fake_telegram.user(first_name="Cy")
    chat = runner.chat(cy)
    await chat.send("/start")
    await cy.send("my ssn is 123-45-6789")  # dropped by the guard before anything
    (warning,) = await cy.wait_messages(1)
    await chat.send("<i>Cy</i>")
    await chat.press("Red")
    (conv,) = await fetch_rows(database_url, Conversation)
    lines = await fetch_rows(database_url, TranscriptLine, TranscriptLine.conversation_id == conv.id)
    said = [(line.role, line.text) for line in lines]
    assert ("person", "<i>Cy</i>") in said and (
        "person",
        "Red",
    ) in said  # the typed text and the button's label
    assert any(
        role == "bot" and text.endswith("Question 1 of ~2\n\nWhat is your name?") for role, text in said
    )
    assert not any(contains_tax_id(text) or "6789" in text for _, text in said)
    question = next(line for line in lines if line.text.endswith("Pick a colour"))
    assert question.buttons == ["Red", "Blue", "Back"]

    await cy.send("/delete")
    (confirm,) = await cy.wait_messages(1)
    await cy.press("🗑 Yes, erase my data", confirm)

    async def erased() -> bool:
        return await fetch_rows(database_url, TranscriptLine) == []

    await eventually(erased)


async def _told(user: object, n: int) -> bool:
    texts = [m.text for m in user.messages]  # type: ignore[attr-defined]
    return sum("team is now with you" in t or "back with the automated assistant" in t for t in texts) >= n


async def test_old_transcripts_of_people_who_never_became_leads_are_deleted(
    fake_telegram: FakeTelegram, run_bot: Callable[..., BotRunner], database_url: str, clock: FakeClock
) -> None:
    runner = run_bot(stub_engine)
    await runner.start()
    chat = runner.chat(fake_telegram.user(first_name="Di"))
    await chat.send("/start")
    office = runner.app.dp["backoffice"]  # type: ignore[union-attr]
    await office.summary.run_once()
    assert await fetch_rows(database_url, TranscriptLine)  # kept: a lead may come of it
    clock.advance(days=31)
    await office.summary.run_once()
    assert await fetch_rows(database_url, TranscriptLine) == []

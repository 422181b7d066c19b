"""A photo of the IRS letter sent mid-screening, read on this machine, over real HTTP.

The real bot, the real OCR engine (RapidOCR) and a synthetic notice rendered by the test code
(tests/letters/synth.py), on SQLite and PostgreSQL: the person sees what was read, confirms it,
and the screening skips those questions. Nothing of the image or its text is ever stored; the
SSN printed on the notice appears nowhere in the database.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pytest
from PIL import Image
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from bot.features.letters.setup import process_reader
from tests.e2e.harness import BotRunner, fetch_conversation
from tests.e2e.leads_support import AGREE, STAFF_CHAT_ID
from tests.fakes.telegram import FakeTelegram
from tests.letters.synth import clean_notice

pytestmark = pytest.mark.skipif(
    process_reader().missing() is not None, reason=f"letter photos: {process_reader().missing()}"
)

SSN = "123-45-6789"
READ_TIMEOUT = 60.0  # the first photo loads the engine; a loaded CI machine reads slowly


async def everything_stored(database_url: str) -> str:
    """Every row of every table, as one text, for looking for what must never be kept."""
    engine = create_async_engine(database_url)
    dump: list[str] = []
    try:
        async with engine.connect() as conn:
            if database_url.startswith("sqlite"):
                names = (
                    await conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))
                ).scalars()
            else:
                names = (
                    await conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname='public'"))
                ).scalars()
            for name in list(names):
                rows = (await conn.execute(text(f'SELECT * FROM "{name}"'))).all()
                dump.extend(repr(tuple(row)) for row in rows)
    finally:
        await engine.dispose()
    return "\n".join(dump)


async def test_a_letter_photo_mid_screening_is_read_confirmed_and_skips_its_questions(
    fake_telegram: FakeTelegram, run_bot: Callable[..., BotRunner], database_url: str
) -> None:
    notice = clean_notice("CP504", 5, ssn=SSN, fmt="jpeg")
    truth: Any = notice.truth
    runner = run_bot()
    await runner.start()
    ana = fake_telegram.user(first_name="Ana")
    chat = runner.chat(ana)
    await chat.send("/start")
    await chat.answer("b:The IRS (federal)")

    replies = await chat.do(ana.send_photo(notice.data), timeout=READ_TIMEOUT)
    assert "typing" in ana.chat_actions  # a read takes seconds: the person sees the bot at work
    privacy, read = replies
    assert "Your photo stays in this Telegram chat" in privacy.text
    assert "I read CP504 dated November 19, 2026, amount due $60,402.27." in read.text
    assert read.buttons == ["✅ Yes, that's right", "No, not quite"]
    conv = await fetch_conversation(database_url, ana.id)
    assert conv.state == "balance" and "balance" not in conv.snapshot["answers"]  # nothing kept before a yes

    replies = await chat.press("✅ Yes, that's right", read)
    shown = "\n".join(m.text for m in replies)
    assert "From your letter:" in shown and "$60,402.27" in shown
    assert "This can't wait" in shown  # a CP504 is urgent, said at once
    assert "Form 1040" in replies[-1].text or "personal" in replies[-1].text.lower()
    conv = await fetch_conversation(database_url, ana.id)
    assert conv.state == "taxpayer_kind"
    assert (
        conv.snapshot["answers"]["latest_letter"] == "cp504"
        and conv.snapshot["answers"]["letter_date"] == "2026-11-19"
    )
    assert conv.snapshot["answers"]["balance"] == str(truth.amount_due) == "60402.27"

    stored = await everything_stored(database_url)
    assert SSN not in stored and "123456789" not in stored
    assert "Internal Revenue Service" not in stored  # no OCR text anywhere


async def test_a_blurry_or_unrelated_picture_gets_a_plain_reply_and_the_question(
    fake_telegram: FakeTelegram, run_bot: Callable[..., BotRunner], database_url: str
) -> None:
    blank = io.BytesIO()
    Image.new("RGB", (800, 600), (200, 200, 200)).save(blank, "JPEG")
    runner = run_bot()
    await runner.start()
    ben = fake_telegram.user(first_name="Ben")
    chat = runner.chat(ben)
    await chat.send("/start")
    replies = await chat.do(ben.send_photo(blank.getvalue()), timeout=READ_TIMEOUT)
    said, question = replies
    assert "I couldn't read an IRS notice on that" in said.text
    assert "Who is the tax debt with?" in question.text or question.buttons[0] == "The IRS (federal)"
    conv = await fetch_conversation(database_url, ben.id)
    assert conv.state == "debt_scope" and conv.snapshot["answers"] == {}


async def test_a_voice_note_is_passed_to_the_team_once_the_person_agrees(
    fake_telegram: FakeTelegram, run_bot: Callable[..., BotRunner], database_url: str
) -> None:
    runner = run_bot()
    await runner.start(staff_chat_id=STAFF_CHAT_ID)
    staff = fake_telegram.group(STAFF_CHAT_ID)
    cal = fake_telegram.user(first_name="Cal")
    chat = runner.chat(cal)
    await chat.send("/start")
    await chat.answer("b:The IRS (federal)")
    offer, question = await chat.do(cal.send_voice(b"OggS voice of Cal"))
    assert "I can't listen to voice or video messages" in offer.text
    assert offer.buttons == ["📤 Pass it to the team"]
    assert "How much" in question.text
    await staff.assert_silent()

    (consent,) = await chat.press("📤 Pass it to the team", offer)
    assert "needs your OK to contact you" in consent.text
    await chat.press(AGREE, consent)
    await chat.send("(212) 736-5000")
    await chat.send("Cal")
    await chat.send("Morning")
    card, header, copied = await staff.wait_messages(3)
    assert "Cal" in card.text
    assert "Cal" in header.text
    assert copied.kind == "other" and "voice" in copied.extra  # the voice note itself, copied


async def test_a_spanish_final_notice_read_for_a_spanish_speaker_opens_the_hearing_deadline(
    fake_telegram: FakeTelegram, run_bot: Callable[..., BotRunner], database_url: str
) -> None:
    notice = clean_notice("LT11", 5, lang="es", fmt="jpeg")  # dated November 19, 2026
    runner = run_bot()
    await runner.start()
    eva = fake_telegram.user(first_name="Eva", language_code="es")
    chat = runner.chat(eva)
    await chat.send("/start")
    _privacy, read = await chat.do(eva.send_photo(notice.data), timeout=READ_TIMEOUT)
    assert "Leí <b>LT11</b> con fecha <b>19 de noviembre de 2026</b>" in read.html
    assert "Pide su respuesta a más tardar el" in read.text
    assert read.buttons == ["✅ Sí, es correcto", "No exactamente"]
    replies = await chat.press("✅ Sí, es correcto", read)
    shown = "\n".join(m.text for m in replies)
    assert "De su carta:" in shown
    # Thirty days from the notice date to ask for a hearing (irs-rules §5): December 19.
    assert "Esto no puede esperar" in shown and "19 de diciembre de 2026" in shown
    conv = await fetch_conversation(database_url, eva.id)
    assert conv.snapshot["answers"]["latest_letter"] == "final_notice"
    assert conv.state == "taxpayer_kind"

"""Tests of the fake Telegram server itself, driven by a plain aiogram Bot over real HTTP."""

from __future__ import annotations

import asyncio
import html
from collections.abc import AsyncIterator

import pytest
from aiogram import Bot, Dispatcher, F, Router
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramConflictError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.filters import CommandStart
from aiogram.types import (
    BufferedInputFile,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    Message,
    ReplyKeyboardMarkup,
)
from aiogram.utils.backoff import BackoffConfig
from aiohttp import web

from tests.fakes.telegram import FakeTelegram

# aiogram's default backoff waits >= 1 s after a failed getUpdates; tests don't need to.
FAST_BACKOFF = BackoffConfig(min_delay=0.05, max_delay=0.2, factor=1.5, jitter=0.0)


def make_bot(tg: FakeTelegram) -> Bot:
    session = AiohttpSession(api=TelegramAPIServer.from_base(tg.base_url))
    return Bot(tg.token, session=session)


def echo_router() -> Router:
    router = Router()

    @router.message(CommandStart())
    async def start(message: Message) -> None:
        keyboard = InlineKeyboardMarkup(
            inline_keyboard=[
                [InlineKeyboardButton(text="Yes", callback_data="answer:yes")],
                [InlineKeyboardButton(text="No", callback_data="answer:no")],
            ]
        )
        await message.answer("<b>Welcome!</b> Do you owe the IRS?", parse_mode="HTML", reply_markup=keyboard)

    @router.callback_query(F.data.startswith("answer:"))
    async def answer(query: CallbackQuery) -> None:
        assert query.message is not None and query.data is not None
        await query.answer(f"got {query.data}")
        await query.message.edit_text(f"You said {query.data.split(':')[1]}")  # type: ignore[union-attr]

    @router.message(F.text)
    async def echo(message: Message) -> None:
        await message.answer(html.escape(message.text or ""), parse_mode="HTML")

    return router


@pytest.fixture
async def bot(fake_telegram: FakeTelegram) -> AsyncIterator[Bot]:
    bot = make_bot(fake_telegram)
    yield bot
    await bot.session.close()


@pytest.fixture
async def polling(fake_telegram: FakeTelegram, bot: Bot) -> AsyncIterator[Dispatcher]:
    dp = Dispatcher()
    dp.include_router(echo_router())
    task = asyncio.create_task(
        dp.start_polling(bot, handle_signals=False, close_bot_session=False, backoff_config=FAST_BACKOFF)
    )
    yield dp
    await dp.stop_polling()
    await asyncio.wait_for(task, 5)


async def test_user_sends_text_and_bot_replies(fake_telegram: FakeTelegram, polling: Dispatcher) -> None:
    ann = fake_telegram.user(first_name="Ann")
    await ann.send("hello <there> & you")
    (reply,) = await ann.wait_messages(1)
    assert reply.text == "hello <there> & you"
    assert reply.html == "hello &lt;there&gt; &amp; you"
    assert reply.chat_id == ann.id
    sent = fake_telegram.calls("sendMessage")[-1]
    assert sent.params["chat_id"] == ann.id and sent.ok


async def test_start_command_entity_buttons_and_callback(
    fake_telegram: FakeTelegram, polling: Dispatcher
) -> None:
    ann = fake_telegram.user()
    await ann.send("/start promo42")
    update = fake_telegram.updates[-1]
    assert update["message"]["entities"] == [{"type": "bot_command", "offset": 0, "length": 6}]
    (welcome,) = await ann.wait_messages(1)
    assert welcome.text == "Welcome! Do you owe the IRS?"
    assert welcome.entities == [{"type": "bold", "offset": 0, "length": 8}]
    assert welcome.buttons == ["Yes", "No"]
    assert welcome.button_data == {"Yes": "answer:yes", "No": "answer:no"}

    query_id = await ann.press("Yes")
    answer = await ann.wait_answer(query_id)
    assert answer.text == "got answer:yes" and not answer.show_alert
    await fake_telegram.wait_idle()
    assert welcome.text == "You said yes"
    assert welcome.edits == ["Welcome! Do you owe the IRS?"]
    assert welcome.buttons == []  # edit without reply_markup drops the keyboard, like Telegram
    assert ann.unread == []  # edits are not new messages

    with pytest.raises(AssertionError, match="no inline button 'Maybe'"):
        await ann.press("Maybe")


async def test_concurrent_users_and_wait_idle(fake_telegram: FakeTelegram, polling: Dispatcher) -> None:
    users = [fake_telegram.user() for _ in range(5)]
    await asyncio.gather(*(u.send(f"hi {i}") for i, u in enumerate(users)))
    await fake_telegram.wait_idle()
    assert [u.last.text for u in users] == [f"hi {i}" for i in range(5)]
    assert len({c["update_id"] for c in fake_telegram.updates}) == 5


async def test_html_validation_errors(fake_telegram: FakeTelegram, bot: Bot) -> None:
    ann = fake_telegram.user()
    cases = {
        "1 < 2": 'can\'t parse entities: Unsupported start tag "" at byte offset 2',
        "<blink>x</blink>": 'Unsupported start tag "blink"',
        "<b>bold": 'Can\'t find end tag corresponding to start tag "b"',
        "Tom & Jerry": 'Unescaped "&"',
        "<b></b>": "message text is empty",
        "x" * 4097: "message is too long",
    }
    for text, error in cases.items():
        with pytest.raises(TelegramBadRequest, match=error.replace("(", r"\(")):
            await bot.send_message(ann.id, text, parse_mode="HTML")
    long_data = InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text="x", callback_data="d" * 65)]]
    )
    with pytest.raises(TelegramBadRequest, match="BUTTON_DATA_INVALID"):
        await bot.send_message(ann.id, "ok", reply_markup=long_data)
    assert ann.messages == []


async def test_edit_rules(fake_telegram: FakeTelegram, bot: Bot) -> None:
    ann = fake_telegram.user()
    sent = await bot.send_message(ann.id, "same")
    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await bot.edit_message_text("same", chat_id=ann.id, message_id=sent.message_id)
    with pytest.raises(TelegramBadRequest, match="message to edit not found"):
        await bot.edit_message_text("new", chat_id=ann.id, message_id=999)
    await bot.delete_message(ann.id, sent.message_id)
    assert ann.messages[0].deleted
    with pytest.raises(TelegramBadRequest, match="message to delete not found"):
        await bot.delete_message(ann.id, sent.message_id)


async def test_answer_callback_twice_is_rejected(fake_telegram: FakeTelegram, bot: Bot) -> None:
    ann = fake_telegram.user()
    markup = InlineKeyboardMarkup(inline_keyboard=[[InlineKeyboardButton(text="Go", callback_data="go")]])
    await bot.send_message(ann.id, "press", reply_markup=markup)
    query_id = await ann.press("go")  # exact callback_data works too
    assert await bot.answer_callback_query(query_id, text="ok")
    with pytest.raises(TelegramBadRequest, match="query is too old"):
        await bot.answer_callback_query(query_id)
    assert [a.text for a in ann.callback_answers] == ["ok"]


async def test_retry_after_http_errors_and_dropped_connections(fake_telegram: FakeTelegram, bot: Bot) -> None:
    ann = fake_telegram.user()
    fake_telegram.fail_next("sendMessage", retry_after=7)
    with pytest.raises(TelegramRetryAfter) as info:
        await bot.send_message(ann.id, "hi")
    assert info.value.retry_after == 7
    fake_telegram.fail_next("sendMessage", error_code=500, retry_after=None)
    with pytest.raises(TelegramServerError):
        await bot.send_message(ann.id, "hi")
    fake_telegram.fail_http("sendMessage")
    with pytest.raises(Exception, match="Failed to decode"):
        await bot.send_message(ann.id, "hi")
    fake_telegram.drop_next("sendMessage")
    with pytest.raises(TelegramNetworkError):
        await bot.send_message(ann.id, "hi")
    await bot.send_message(ann.id, "finally")
    assert [m.text for m in ann.messages] == ["finally"]
    assert [c.status for c in fake_telegram.calls("sendMessage")] == [429, 500, 502, None, 200]


async def test_polling_survives_429_on_get_updates(fake_telegram: FakeTelegram, polling: Dispatcher) -> None:
    fake_telegram.fail_next("getUpdates", retry_after=1)
    ann = fake_telegram.user()
    await ann.send("still here")
    assert (await ann.wait_message()).text == "still here"


async def test_second_poller_conflicts_the_first(fake_telegram: FakeTelegram, bot: Bot) -> None:
    first = asyncio.create_task(bot.get_updates(timeout=5))
    await asyncio.sleep(0.05)  # let the first long poll reach the server
    second = asyncio.create_task(bot.get_updates(timeout=0))
    with pytest.raises(TelegramConflictError, match="terminated by other getUpdates request"):
        await first
    assert await second == []


async def test_long_poll_returns_as_soon_as_update_arrives(fake_telegram: FakeTelegram, bot: Bot) -> None:
    loop = asyncio.get_running_loop()
    started = loop.time()
    poll = asyncio.create_task(bot.get_updates(timeout=5))
    await asyncio.sleep(0.05)
    await fake_telegram.user().send("ping")
    updates = await poll
    assert [u.message.text for u in updates if u.message] == ["ping"]
    assert loop.time() - started < 1
    # Not confirmed yet → returned again; offset confirms it.
    assert len(await bot.get_updates(timeout=0)) == 1
    assert await bot.get_updates(offset=updates[-1].update_id + 1, timeout=0) == []


async def test_redeliver_repeats_update_id(fake_telegram: FakeTelegram, bot: Bot) -> None:
    seen: list[int] = []
    dp = Dispatcher()

    @dp.message()
    async def record(message: Message, event_update: object) -> None:
        seen.append(event_update.update_id)  # type: ignore[attr-defined]

    task = asyncio.create_task(dp.start_polling(bot, handle_signals=False, close_bot_session=False))
    await fake_telegram.user().send("once")
    await fake_telegram.wait_idle()
    fake_telegram.redeliver(seen[0])
    await fake_telegram.wait_idle()
    await dp.stop_polling()
    await task
    assert len(seen) == 2 and seen[0] == seen[1]


async def test_webhook_delivery_with_secret_and_retries(fake_telegram: FakeTelegram, bot: Bot) -> None:
    received: list[tuple[int, str | None]] = []
    failures = {"left": 1}

    async def hook(request: web.Request) -> web.Response:
        body = await request.json()
        received.append((body["update_id"], request.headers.get("X-Telegram-Bot-Api-Secret-Token")))
        if failures["left"]:
            failures["left"] -= 1
            return web.Response(status=500)
        return web.json_response({})

    app = web.Application()
    app.router.add_post("/hook", hook)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        await bot.set_webhook(f"http://127.0.0.1:{port}/hook", secret_token="s3cret")
        with pytest.raises(TelegramConflictError, match="webhook is active"):
            await bot.get_updates()
        update_id = fake_telegram.inject_update({"message": {"message_id": 1, "date": 0, "chat": {"id": 1}}})
        await fake_telegram.wait_idle()
        assert received == [(update_id, "s3cret"), (update_id, "s3cret")]
        assert [d.status for d in fake_telegram.webhook_deliveries] == [500, 200]
        info = await bot.get_webhook_info()
        assert info.url.endswith("/hook") and info.pending_update_count == 0
        await bot.delete_webhook()
        assert await bot.get_updates(timeout=0) == []
    finally:
        await runner.cleanup()


async def test_webhook_with_aiogram_handler_replies_into_webhook(
    fake_telegram: FakeTelegram, bot: Bot
) -> None:
    from aiogram.webhook.aiohttp_server import SimpleRequestHandler

    dp = Dispatcher()
    dp.include_router(echo_router())

    @dp.message(F.text == "inline reply")
    async def never(message: Message) -> None:  # pragma: no cover - echo router catches text first
        pass

    app = web.Application()
    SimpleRequestHandler(dp, bot, secret_token="tok", handle_in_background=False).register(app, path="/wh")
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    port = runner.addresses[0][1]
    try:
        await bot.set_webhook(f"http://127.0.0.1:{port}/wh", secret_token="tok")
        ann = fake_telegram.user()
        await ann.send("/start")
        welcome = await ann.wait_message()
        assert welcome.buttons == ["Yes", "No"]
        await ann.press("No")
        await fake_telegram.wait_idle()
        assert welcome.text == "You said no"
    finally:
        await runner.cleanup()


async def test_wait_messages_timeout_is_readable(fake_telegram: FakeTelegram, bot: Bot) -> None:
    ann = fake_telegram.user()
    await bot.send_message(ann.id, "first")
    await ann.send("unanswered")
    with pytest.raises(AssertionError) as info:
        await ann.wait_messages(2, timeout=0.2)
    report = str(info.value)
    assert "expected 2 new bot message(s)" in report and "'first'" in report
    assert "has not fetched yet" in report


async def test_uploads_downloads_contacts_and_groups(fake_telegram: FakeTelegram, bot: Bot) -> None:
    ann = fake_telegram.user()
    await bot.send_document(
        ann.id, BufferedInputFile(b"%PDF summary", filename="summary.pdf"), caption="Yours"
    )
    await bot.send_photo(ann.id, BufferedInputFile(b"png", filename="p.png"))
    (doc,) = ann.received_documents
    assert doc.document == b"%PDF summary" and doc.filename == "summary.pdf" and doc.caption == "Yours"
    assert ann.received_photos[0].photo == b"png"

    await ann.send_document(b"user pdf", filename="notice.pdf")
    file_id = fake_telegram.updates[-1]["message"]["document"]["file_id"]
    downloaded = await bot.download(file_id)
    assert downloaded is not None and downloaded.read() == b"user pdf"

    staff = fake_telegram.group()
    contact_kb = ReplyKeyboardMarkup(keyboard=[[KeyboardButton(text="Share", request_contact=True)]])
    with pytest.raises(TelegramBadRequest):
        await bot.send_message(staff.chat_id, "no contact buttons in groups", reply_markup=contact_kb)
    await bot.send_message(ann.id, "Share your phone", reply_markup=contact_kb)
    assert ann.reply_keyboard == ["Share"]
    await ann.share_contact("+12025550100")
    assert fake_telegram.updates[-1]["message"]["contact"]["user_id"] == ann.id

    card = await bot.send_message(staff.chat_id, "New lead: Ann")
    await bot.copy_message(staff.chat_id, ann.id, fake_telegram.updates[-1]["message"]["message_id"])
    assert staff.messages[-1].extra["contact"]["phone_number"] == "+12025550100"
    await staff.member(555, "Bob").send("on it", reply_to=staff.messages[0])
    reply = fake_telegram.updates[-1]["message"]
    assert (
        reply["chat"]["type"] == "supergroup" and reply["reply_to_message"]["message_id"] == card.message_id
    )

    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await bot.send_message(123456, "who?")
    ann.block()
    with pytest.raises(Exception, match="bot was blocked by the user"):
        await bot.send_message(ann.id, "hello?")


async def test_misc_methods(fake_telegram: FakeTelegram, bot: Bot) -> None:
    from aiogram.types import BotCommand

    me = await bot.get_me()
    assert me.username == "irs_help_test_bot" and me.id == 42
    await bot.set_my_commands([BotCommand(command="start", description="Start")])
    assert [c.command for c in await bot.get_my_commands()] == ["start"]
    with pytest.raises(TelegramBadRequest, match="BOT_COMMAND_INVALID"):
        await bot.set_my_commands([BotCommand(command="Bad-Cmd", description="x")])
    await bot.set_my_description("About")
    await bot.set_my_short_description("Short")
    assert fake_telegram.descriptions[""] == "About"
    ann = fake_telegram.user()
    await bot.send_chat_action(ann.id, "typing")
    assert ann.chat_actions == ["typing"]
    assert await bot.log_out() and await bot.close()


async def test_restarted_bot_gets_unconfirmed_updates(fake_telegram: FakeTelegram, bot: Bot) -> None:
    # A poll abandoned by a stopped bot must not swallow the next update (the restarted bot gets it).
    orphan = asyncio.create_task(bot.get_updates(timeout=5))
    await asyncio.sleep(0.05)
    orphan.cancel()
    await asyncio.sleep(0.05)
    ann = fake_telegram.user()
    await ann.send("after restart")
    dp = Dispatcher()
    dp.include_router(echo_router())
    task = asyncio.create_task(dp.start_polling(bot, handle_signals=False, close_bot_session=False))
    assert (await ann.wait_message()).text == "after restart"
    await dp.stop_polling()
    await task


async def test_block_edit_one_time_keyboard_and_allowed_updates(
    fake_telegram: FakeTelegram, bot: Bot
) -> None:
    ann = fake_telegram.user()
    keyboard = ReplyKeyboardMarkup(keyboard=[[KeyboardButton(text="Yes")]], one_time_keyboard=True)
    await bot.send_message(ann.id, "Owe more than $10k?", reply_markup=keyboard)
    assert ann.reply_keyboard == ["Yes"]
    first = await ann.tap("Yes")
    assert ann.reply_keyboard == []
    with pytest.raises(AssertionError, match="no reply keyboard button"):
        await ann.tap("Yes")
    await ann.edit(first, "/start again")
    edited = fake_telegram.updates[-1]["edited_message"]
    assert edited["text"] == "/start again" and edited["entities"][0]["type"] == "bot_command"
    ann.block()
    assert fake_telegram.updates[-1]["my_chat_member"]["new_chat_member"]["status"] == "kicked"
    updates = await bot.get_updates(timeout=0, allowed_updates=["message"])
    assert [u.event_type for u in updates] == ["message"]
    assert [next(k for k in u if k != "update_id") for u in fake_telegram.discarded_updates] == [
        "edited_message",
        "my_chat_member",
    ]


async def test_require_start_flood_control_and_assert_silent(bot: Bot) -> None:
    async with FakeTelegram(require_start=True) as tg:
        strict_bot = make_bot(tg)
        try:
            ann = tg.user()
            with pytest.raises(Exception, match="bot can't initiate conversation"):
                await strict_bot.send_message(ann.id, "hi")
            await ann.send("/start")
            assert len(await strict_bot.get_updates(timeout=0)) == 1  # no dispatcher here: fetch by hand
            tg.flood_control(2, per_seconds=60, retry_after=3)
            await strict_bot.send_message(ann.id, "one")
            await strict_bot.send_message(ann.id, "two")
            with pytest.raises(TelegramRetryAfter) as info:
                await strict_bot.send_message(ann.id, "three")
            assert info.value.retry_after == 3
            await ann.wait_messages(2)
            await ann.assert_silent(timeout=1)
            tg.flood_control(None)
            await strict_bot.send_message(ann.id, "four")
            with pytest.raises(AssertionError, match="'four'"):
                await ann.assert_silent(timeout=1)
        finally:
            await strict_bot.session.close()

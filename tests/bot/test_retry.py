"""The outgoing-call retry middleware against the fake Bot API over real HTTP.

Each failure is injected at the server (429, a gateway's 502/503 page, a Bot API 500, a dropped
connection, a closed port) and the test checks what Telegram saw: how many attempts reached it and how
many messages the person received. The rule under test: retry whenever a retry cannot duplicate a
message, never when it could.
"""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator

import pytest
from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.exceptions import (
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.types import BufferedInputFile, InlineKeyboardButton, InlineKeyboardMarkup

from bot.telegram.session import (
    GatewayError,
    RetryMiddleware,
    RetryPolicy,
    TelegramSession,
    is_idempotent,
)
from tests.fakes.telegram import FakeTelegram

FAST = RetryPolicy(max_attempts=3, base_delay=0.01, max_delay=0.05, max_retry_after=5)


class Observed:
    def __init__(self) -> None:
        self.failures: list[tuple[str, str, bool]] = []

    def __call__(self, method: str, kind: str, retried: bool) -> None:
        self.failures.append((method, kind, retried))


def make_bot(base_url: str, observed: Observed, policy: RetryPolicy = FAST) -> Bot:
    session = TelegramSession(api=TelegramAPIServer.from_base(base_url))
    session.middleware(RetryMiddleware(policy, observer=observed))
    return Bot("42:TEST", session=session)


@pytest.fixture
async def observed() -> Observed:
    return Observed()


@pytest.fixture
async def bot(fake_telegram: FakeTelegram, observed: Observed) -> AsyncIterator[Bot]:
    bot = make_bot(fake_telegram.base_url, observed)
    yield bot
    await bot.session.close()


async def test_429_waits_retry_after_then_sends_once(
    fake_telegram: FakeTelegram, bot: Bot, observed: Observed
) -> None:
    ann = fake_telegram.user()
    fake_telegram.fail_next("sendMessage", error_code=429, retry_after=1)

    await bot.send_message(ann.id, "Your plan is ready")

    assert [c.status for c in fake_telegram.calls("sendMessage")] == [429, 200]
    assert [m.text for m in ann.messages] == ["Your plan is ready"]
    assert observed.failures == [("sendMessage", "retry_after", True)]


async def test_429_longer_than_the_cap_is_raised_at_once(
    fake_telegram: FakeTelegram, observed: Observed
) -> None:
    bot = make_bot(fake_telegram.base_url, observed, RetryPolicy(max_attempts=3, max_retry_after=0.5))
    ann = fake_telegram.user()
    fake_telegram.fail_next("sendMessage", error_code=429, retry_after=1)
    try:
        with pytest.raises(TelegramRetryAfter):
            await bot.send_message(ann.id, "hello")
    finally:
        await bot.session.close()
    assert len(fake_telegram.calls("sendMessage")) == 1
    assert observed.failures == [("sendMessage", "retry_after", False)]


async def test_bot_api_500_is_retried_and_the_message_arrives_once(
    fake_telegram: FakeTelegram, bot: Bot
) -> None:
    ann = fake_telegram.user()
    fake_telegram.fail_next("sendMessage", error_code=500)

    await bot.send_message(ann.id, "Question 2 of 9")

    assert [c.status for c in fake_telegram.calls("sendMessage")] == [500, 200]
    assert len(ann.messages) == 1


async def test_gives_up_after_max_attempts(fake_telegram: FakeTelegram, bot: Bot, observed: Observed) -> None:
    fake_telegram.fail_next("getMe", error_code=500, times=10)

    with pytest.raises(TelegramServerError):
        await bot.get_me()

    assert len(fake_telegram.calls("getMe")) == FAST.max_attempts
    assert [retried for _, _, retried in observed.failures] == [True, True, False]


async def test_gateway_502_is_retried_for_an_idempotent_call(fake_telegram: FakeTelegram, bot: Bot) -> None:
    ann = fake_telegram.user()
    sent = await bot.send_message(ann.id, "How much do you owe?")
    fake_telegram.fail_http("editMessageText", status=502)

    await bot.edit_message_text("How much do you owe the IRS?", chat_id=ann.id, message_id=sent.message_id)

    assert [c.status for c in fake_telegram.calls("editMessageText")] == [502, 200]
    assert ann.last.text == "How much do you owe the IRS?"


async def test_gateway_502_on_send_is_not_repeated(
    fake_telegram: FakeTelegram, bot: Bot, observed: Observed
) -> None:
    """A 502 page may follow a request the Bot API did execute: a second send could be a duplicate."""
    ann = fake_telegram.user()
    fake_telegram.fail_http("sendMessage", status=502)

    with pytest.raises(GatewayError):
        await bot.send_message(ann.id, "Your plan is ready")

    assert len(fake_telegram.calls("sendMessage")) == 1
    assert observed.failures == [("sendMessage", "unknown_outcome", False)]


async def test_gateway_503_means_not_reached_so_send_is_retried(
    fake_telegram: FakeTelegram, bot: Bot
) -> None:
    ann = fake_telegram.user()
    fake_telegram.fail_http("sendMessage", status=503)

    await bot.send_message(ann.id, "Welcome")

    assert [c.status for c in fake_telegram.calls("sendMessage")] == [503, 200]
    assert len(ann.messages) == 1


async def test_dropped_connection_after_sending_is_not_repeated_for_send(
    fake_telegram: FakeTelegram, bot: Bot, observed: Observed
) -> None:
    ann = fake_telegram.user()
    fake_telegram.drop_next("sendMessage")

    with pytest.raises(TelegramNetworkError):
        await bot.send_message(ann.id, "Your plan is ready")

    assert len(fake_telegram.calls("sendMessage")) == 1
    assert observed.failures == [("sendMessage", "unknown_outcome", False)]


async def test_dropped_connection_is_retried_for_idempotent_calls(
    fake_telegram: FakeTelegram, bot: Bot
) -> None:
    fake_telegram.drop_next("getMe")

    me = await bot.get_me()

    assert me.id == 42
    assert len(fake_telegram.calls("getMe")) == 2


async def test_connection_refused_is_retried_even_for_send_then_gives_up(observed: Observed) -> None:
    # A port nobody listens on: connect() fails, so nothing was sent and a retry is always safe.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    bot = make_bot(f"http://127.0.0.1:{port}", observed)
    try:
        with pytest.raises(TelegramNetworkError):
            await bot.send_message(1001, "hello")
    finally:
        await bot.session.close()
    assert observed.failures == [
        ("sendMessage", "not_sent", True),
        ("sendMessage", "not_sent", True),
        ("sendMessage", "not_sent", False),
    ]


def test_idempotency_table() -> None:
    for method in (
        "sendMessage",
        "sendPhoto",
        "sendDocument",
        "copyMessage",
        "forwardMessage",
        "sendMediaGroup",
    ):
        assert not is_idempotent(method), method
    for method in (
        "editMessageText",
        "editMessageReplyMarkup",
        "answerCallbackQuery",
        "setMyCommands",
        "getMe",
    ):
        assert is_idempotent(method), method
    assert is_idempotent("getUpdates")


async def test_calls_take_aiograms_own_request_path(fake_telegram: FakeTelegram) -> None:
    """TelegramSession only adds to aiogram's check_response: parameters go as aiogram sends them
    (the keyboard and the default parse mode reach Telegram), a file as a multipart upload."""
    session = TelegramSession(api=TelegramAPIServer.from_base(fake_telegram.base_url))
    bot = Bot("42:TEST", session=session, default=DefaultBotProperties(parse_mode=ParseMode.HTML))
    ann = fake_telegram.user()
    keyboard = InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text="Yes", callback_data="3|yes")]]
    )
    try:
        sent = await bot.send_message(
            ann.id, "<b>Owe</b> $52,000?", reply_markup=keyboard, disable_notification=False
        )
        await bot.send_photo(ann.id, BufferedInputFile(b"\x89PNG-bytes", filename="funnel.png"), caption="c")
    finally:
        await bot.session.close()
    send, photo = fake_telegram.calls("sendMessage")[-1], fake_telegram.calls("sendPhoto")[-1]
    assert send.params["parse_mode"] == "HTML"
    assert sent.text == "Owe $52,000?" and ann.messages[0].buttons == ["Yes"]  # Telegram took it
    assert photo.content_type == "multipart/form-data"
    assert [(f.filename, f.content) for f in photo.files.values()] == [("funnel.png", b"\x89PNG-bytes")]
    assert ann.messages[1].caption == "c"

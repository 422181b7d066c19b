"""Photos and files of IRS notices: downloaded into memory, read, and handed on as the person's input.

The read (one to three seconds of one core: bot/features/letters/ocr.py) happens here, before
the runner takes the chat's lock, so nobody's chat waits on it. The bytes live in this call
only: never written to disk, logged, or passed on; the conversation gets the fields read
(flows/media.py asks the person to confirm them) and the outcome.
"""

from __future__ import annotations

import io
import logging

import aiohttp
from aiogram import Bot, F, Router
from aiogram.enums import ChatAction
from aiogram.exceptions import TelegramAPIError
from aiogram.types import Message, Update

from bot.features.letters.images import MAX_BYTES
from bot.features.letters.ocr import NoticeReader, Result
from bot.runner.runner import StepRunner
from bot.telegram.routers.base import Magic, from_message
from flows.chat import Act, Media, MediaKind
from flows.notices import ReadOutcome

logger = logging.getLogger(__name__)

DOWNLOAD_TIMEOUT_S = 30
READABLE_DOCUMENTS = ("image/", "application/pdf")


async def look(
    bot: Bot, reader: NoticeReader, file_id: str, size: int | None, mime: str, runner: StepRunner
) -> Result:
    """Download the file into memory and read it; every failure is an outcome, never an exception."""
    if size is not None and size > MAX_BYTES:
        return Result(ReadOutcome.TOO_LARGE)
    if reader.missing() is not None:
        return Result(ReadOutcome.OFF)
    buffer = io.BytesIO()
    try:
        await bot.download(file_id, destination=buffer, timeout=DOWNLOAD_TIMEOUT_S)
    except (TelegramAPIError, aiohttp.ClientError, OSError, TimeoutError) as error:
        logger.warning("letter photo: download failed (%s)", type(error).__name__)
        return Result(ReadOutcome.UNREADABLE)
    data = buffer.getvalue()
    buffer.close()
    try:
        return await reader.examine(data, mime, today=runner.clock().date())
    finally:
        del data


async def show_reading(bot: Bot, chat_id: int) -> None:
    """ "typing…" while the letter is read, so a two-second read does not look like silence."""
    try:
        await bot.send_chat_action(chat_id, ChatAction.TYPING)
    except TelegramAPIError:
        pass  # cosmetic


async def on_photo(
    message: Message, bot: Bot, event_update: Update, runner: StepRunner, letters: NoticeReader
) -> None:
    assert message.photo
    largest = message.photo[-1]  # Telegram lists the sizes smallest first
    await show_reading(bot, message.chat.id)
    result = await look(bot, letters, largest.file_id, largest.file_size, "image/jpeg", runner)
    await hand_on(message, bot, event_update, runner, MediaKind.PHOTO, result)


async def on_document(
    message: Message, bot: Bot, event_update: Update, runner: StepRunner, letters: NoticeReader
) -> None:
    document = message.document
    assert document is not None
    mime = (document.mime_type or "").lower()
    if not mime.startswith(READABLE_DOCUMENTS):
        result = Result(ReadOutcome.UNSUPPORTED)  # a Word file, a zip: offered to staff instead
    else:
        await show_reading(bot, message.chat.id)
        result = await look(bot, letters, document.file_id, document.file_size, mime, runner)
    await hand_on(message, bot, event_update, runner, MediaKind.DOCUMENT, result)


async def hand_on(
    message: Message, bot: Bot, update: Update, runner: StepRunner, kind: MediaKind, result: Result
) -> None:
    media = Media(kind=kind, message_id=message.message_id, outcome=result.outcome, reading=result.reading)
    await runner.handle(bot, from_message(message, update, Act.MEDIA, media=media))


def create_router() -> Router:
    router = Router(name="letters")
    router.message.register(on_photo, Magic(F.photo))
    router.message.register(on_document, Magic(F.document))
    return router

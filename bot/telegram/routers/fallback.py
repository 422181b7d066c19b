"""Catch-all, registered last: voice notes, files, stickers, locations, anything else.

The person is never met with silence: the conversation answers (flows/lifecycle.py,
flows/media.py). A voice note, a video or a file is offered to staff, so the message
id travels with it; a photo arrives here only when letter photos are off (otherwise
bot/features/letters/router.py reads it first).
"""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.types import Message, Update

from bot.telegram.incoming import Runner
from bot.telegram.routers.base import from_message
from flows.chat import Act, Media, MediaKind


def media_kind(message: Message) -> MediaKind:
    if message.photo:
        return MediaKind.PHOTO
    if message.document:
        return MediaKind.DOCUMENT
    if message.voice or message.audio or message.video or message.video_note:
        return MediaKind.VOICE
    return MediaKind.OTHER


async def on_anything(message: Message, bot: Bot, event_update: Update, runner: Runner) -> None:
    media = Media(kind=media_kind(message), message_id=message.message_id)
    await runner.handle(bot, from_message(message, event_update, Act.MEDIA, media=media))


def create_router() -> Router:
    router = Router(name="fallback")
    router.message.register(on_anything)
    return router

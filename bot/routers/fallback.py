"""Catch-all, registered last: stickers, photos, voice, documents, locations, anything else.

The person gets a short note and the current question again, never silence.
"""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.types import Message, Update

from bot.routers.base import from_message
from bot.service import Action, ConversationService


async def on_anything(message: Message, bot: Bot, event_update: Update, service: ConversationService) -> None:
    await service.handle(bot, from_message(message, event_update, Action.UNSUPPORTED))


def create_router() -> Router:
    router = Router(name="fallback")
    router.message.register(on_anything)
    return router


router = create_router()

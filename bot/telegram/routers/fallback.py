"""Catch-all, registered last: stickers, photos, voice, documents, locations, anything else.

The person is never met with silence: the conversation answers (bot/runner, flows/lifecycle.py).
"""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.types import Message, Update

from bot.telegram.incoming import Runner
from bot.telegram.routers.base import from_message
from flows.chat import Act


async def on_anything(message: Message, bot: Bot, event_update: Update, runner: Runner) -> None:
    await runner.handle(bot, from_message(message, event_update, Act.MEDIA))


def create_router() -> Router:
    router = Router(name="fallback")
    router.message.register(on_anything)
    return router

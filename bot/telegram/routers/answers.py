"""Typed text: an answer to the open question, or whatever the conversation makes of it."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.types import Message, Update

from bot.telegram.incoming import Runner
from bot.telegram.routers.base import Magic, from_message
from flows.chat import Act
from flows.types import UserInput


async def on_text(message: Message, bot: Bot, event_update: Update, runner: Runner) -> None:
    user_input = UserInput.typed(message.text or "")
    await runner.handle(bot, from_message(message, event_update, Act.INPUT, user_input=user_input))


def create_router() -> Router:
    router = Router(name="answers")
    router.message.register(on_text, Magic(F.text))
    return router

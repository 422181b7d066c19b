"""Typed text: an answer to the current question (the engine validates it)."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.types import Message, Update

from bot.routers.base import Magic, from_message
from bot.service import Action, ConversationService
from flows.types import UserInput


async def on_text(message: Message, bot: Bot, event_update: Update, service: ConversationService) -> None:
    user_input = UserInput.typed(message.text or "")
    await service.handle(bot, from_message(message, event_update, Action.INPUT, user_input=user_input))


def create_router() -> Router:
    router = Router(name="answers")
    router.message.register(on_text, Magic(F.text))
    return router


router = create_router()

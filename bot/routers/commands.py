"""/start (with deep-link payload), /help, /cancel, /back, /restart: work at any point."""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.types import Message, Update

from bot.routers.base import from_message
from bot.service import Action, ConversationService
from flows.types import InputKind, UserInput


async def on_start(
    message: Message, command: CommandObject, bot: Bot, event_update: Update, service: ConversationService
) -> None:
    await service.handle(bot, from_message(message, event_update, Action.START, payload=command.args))


async def on_help(message: Message, bot: Bot, event_update: Update, service: ConversationService) -> None:
    await service.handle(bot, from_message(message, event_update, Action.HELP))


async def on_cancel(message: Message, bot: Bot, event_update: Update, service: ConversationService) -> None:
    await service.handle(bot, from_message(message, event_update, Action.CANCEL))


async def on_engine_command(
    message: Message, command: CommandObject, bot: Bot, event_update: Update, service: ConversationService
) -> None:
    user_input = UserInput(kind=InputKind.COMMAND, value=command.command.lower())
    await service.handle(bot, from_message(message, event_update, Action.INPUT, user_input=user_input))


def create_router() -> Router:
    router = Router(name="commands")
    router.message.register(on_start, CommandStart())
    router.message.register(on_help, Command("help"))
    router.message.register(on_cancel, Command("cancel"))
    router.message.register(on_engine_command, Command("back", "restart"))
    return router


router = create_router()

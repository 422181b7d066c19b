"""/start (with its deep-link payload), /help, /cancel, /stop, /back, /restart, /human, /language."""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.types import Message, Update

from bot.telegram.incoming import Runner
from bot.telegram.routers.base import from_message
from flows.chat import Act
from flows.types import InputKind, UserInput


async def on_start(
    message: Message, command: CommandObject, bot: Bot, event_update: Update, runner: Runner
) -> None:
    await runner.handle(bot, from_message(message, event_update, Act.START, payload=command.args))


async def on_help(message: Message, bot: Bot, event_update: Update, runner: Runner) -> None:
    await runner.handle(bot, from_message(message, event_update, Act.HELP))


async def on_cancel(message: Message, bot: Bot, event_update: Update, runner: Runner) -> None:
    await runner.handle(bot, from_message(message, event_update, Act.CANCEL))


async def on_stop(message: Message, bot: Bot, event_update: Update, runner: Runner) -> None:
    await runner.handle(bot, from_message(message, event_update, Act.STOP))


async def on_control(
    message: Message, command: CommandObject, bot: Bot, event_update: Update, runner: Runner
) -> None:
    user_input = UserInput(kind=InputKind.COMMAND, value=command.command.lower())
    await runner.handle(bot, from_message(message, event_update, Act.INPUT, user_input=user_input))


def create_router() -> Router:
    router = Router(name="commands")
    router.message.register(on_start, CommandStart())
    router.message.register(on_help, Command("help"))
    router.message.register(on_cancel, Command("cancel"))
    router.message.register(on_stop, Command("stop"))
    router.message.register(on_control, Command("back", "restart", "human", "language"))
    return router

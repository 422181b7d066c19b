"""Ignore messages and button presses outside private chats.

The screening is one person answering about their own tax debt; added to a
group, the bot would take everyone's chatter as answers and post a stranger's
debt figures to the room. Dropped updates never open a DB session.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import CallbackQuery, Message, TelegramObject


class PrivateChatOnlyMiddleware(BaseMiddleware):
    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        message = event.message if isinstance(event, CallbackQuery) else event
        if isinstance(message, Message) and message.chat.type != "private":
            return None
        return await handler(event, data)

"""Let the staff chat through the private-chats-only gate.

PrivateChatOnlyMiddleware keeps the screening out of groups; the one group the bot
must hear is the staff chat (STAFF_CHAT_ID), whose updates the staff router
(bot/features/leads/staff_router.py) consumes before any screening router can see them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram.types import CallbackQuery, Message, TelegramObject

from bot.telegram.middlewares.private_only import PrivateChatOnlyMiddleware


class PrivateOrStaffChatMiddleware(PrivateChatOnlyMiddleware):
    def __init__(self, staff_chat_id: int | None) -> None:
        self.staff_chat_id = staff_chat_id

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        message = event.message if isinstance(event, CallbackQuery) else event
        if (
            self.staff_chat_id is not None
            and isinstance(message, Message)
            and message.chat.id == self.staff_chat_id
        ):
            return await handler(event, data)
        return await super().__call__(handler, event, data)

"""Drop any message holding something shaped like an SSN, ITIN or EIN before anything else sees it.

Registered as the FIRST outer middleware on messages, so the number never reaches a
handler, the conversation store, the events table, the staff relay or a log line
(only the chat id is logged). The person is told the bot never needs it; in the
staff chat the staff member is told the message was not sent on. The message is
also deleted from the chat where the bot can do that (private chats, or a staff
group where the bot is an admin), so it does not sit in the history either.

The update id is still recorded as processed, so a redelivered copy is not warned
about twice. Detection rules and the money-vs-SSN trade-off: bot/features/privacy/ssn.py.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware, Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.types import Message, TelegramObject, Update

from bot.features.privacy.ssn import contains_tax_id
from bot.runner.runner import StepRunner
from flows.catalogue import normalize_lang, t

logger = logging.getLogger(__name__)


class TaxIdFilterMiddleware(BaseMiddleware):
    def __init__(self, runner: StepRunner, staff_chat_id: int | None = None) -> None:
        self.runner = runner
        self.staff_chat_id = staff_chat_id

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        if not isinstance(event, Message) or not (
            contains_tax_id(event.text) or contains_tax_id(event.caption)
        ):
            return await handler(event, data)
        chat = event.chat
        logger.info("dropped a message with a tax-ID-shaped number in chat %s", chat.id)
        if not await self._first_time(data, chat.id):
            return None
        bot: Bot | None = data.get("bot")
        if bot is None:
            return None
        lang = normalize_lang(event.from_user.language_code if event.from_user else None)
        if chat.type == "private":
            notice = t("leads.ssn.warning", lang)
        elif self.staff_chat_id is not None and chat.id == self.staff_chat_id:
            notice = t("leads.ssn.staff_warning", "en")
        else:
            return None
        try:
            await bot.delete_message(chat.id, event.message_id)
        except TelegramAPIError:
            pass  # no right to delete here (e.g. not a group admin): the warning still goes out
        try:
            await bot.send_message(chat.id, notice)
        except TelegramAPIError as error:
            logger.info("could not send the tax-ID notice to chat %s: %s", chat.id, type(error).__name__)
        return None

    async def _first_time(self, data: dict[str, Any], chat_id: int) -> bool:
        """Claim the update id through the runner; False for a redelivery (warned already)."""
        update: Update | None = data.get("event_update")
        if update is None:
            return True
        return await self.runner.claim(chat_id, update.update_id)

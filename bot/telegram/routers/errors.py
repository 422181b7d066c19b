"""Last line: log the failure (without user content) and apologise instead of going silent.

The step's transaction was rolled back, update_id included, so nothing half-done
is stored and the person can simply try again.
"""

from __future__ import annotations

import logging

from aiogram import Bot, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.types import ErrorEvent

from flows.catalogue import normalize_lang, t

logger = logging.getLogger(__name__)


async def on_error(event: ErrorEvent, bot: Bot) -> bool:
    update = event.update
    logger.error(
        "update %s failed: %s", update.update_id, type(event.exception).__name__, exc_info=event.exception
    )
    message = update.message or (update.callback_query.message if update.callback_query else None)
    user = (
        update.message.from_user
        if update.message
        else (update.callback_query.from_user if update.callback_query else None)
    )
    if message is None:
        return True
    lang = normalize_lang(user.language_code if user else None)
    try:
        await bot.send_message(message.chat.id, t("bot.error", lang))
    except TelegramAPIError:
        logger.warning("could not tell chat %s about the failure", message.chat.id)
    return True


def create_router() -> Router:
    router = Router(name="errors")
    router.errors.register(on_error)
    return router

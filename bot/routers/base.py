"""Turning an aiogram update into the service's Incoming: the only thing routers do."""

from __future__ import annotations

from typing import Any

from aiogram.filters import Filter
from aiogram.types import Message, TelegramObject, Update
from magic_filter import MagicFilter

from bot.service import Action, CallbackRef, Incoming
from flows.types import UserInput


def from_message(
    message: Message,
    update: Update,
    action: Action,
    *,
    user_input: UserInput | None = None,
    payload: str | None = None,
    phone: str | None = None,
    callback: CallbackRef | None = None,
) -> Incoming:
    user = message.from_user
    return Incoming(
        update_id=update.update_id,
        chat_id=message.chat.id,
        user_id=user.id if user else None,
        language_code=user.language_code if user else None,
        action=action,
        user_input=user_input,
        payload=payload,
        phone=phone,
        callback=callback,
        message_id=message.message_id,
        first_name=user.first_name if user else None,
    )


class Magic(Filter):
    """An ``F.…`` filter evaluated on the event loop.

    aiogram runs any filter that is not a coroutine (a bare ``F.text`` is one) through
    ``asyncio.to_thread``: a thread hand-off per filter per update. The benchmark's profile
    showed the thread pool and its futures at ~8% of the bot's CPU for three such filters on
    a typed answer. Resolving a magic filter is a few attribute reads, so do it inline; the
    result is the same value aiogram would have seen.
    """

    __slots__ = ("magic",)

    def __init__(self, magic: MagicFilter) -> None:
        self.magic = magic

    async def __call__(self, event: TelegramObject) -> Any:
        return self.magic.resolve(event)

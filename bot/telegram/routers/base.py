"""Turning an aiogram update into the runner's Incoming: the only thing these routers do."""

from __future__ import annotations

from typing import Any

from aiogram.filters import Filter
from aiogram.types import Message, TelegramObject, Update
from magic_filter import MagicFilter

from bot.telegram.incoming import CallbackRef, Incoming, WebhookReply
from flows.chat import Act, ChatInput, Media
from flows.types import UserInput


def from_message(
    message: Message,
    update: Update,
    act: Act,
    *,
    user_input: UserInput | None = None,
    payload: str | None = None,
    phone: str | None = None,
    callback: CallbackRef | None = None,
    reply: WebhookReply | None = None,
    media: Media | None = None,
) -> Incoming:
    user = message.from_user
    return Incoming(
        update_id=update.update_id,
        chat_id=message.chat.id,
        user_id=user.id if user else None,
        chat=ChatInput(
            act=act,
            user_input=user_input,
            payload=payload,
            phone=phone,
            first_name=user.first_name if user else None,
            language_code=user.language_code if user else None,
            button=callback is not None,
            media=media,
        ),
        callback=callback,
        message_id=message.message_id,
        reply=reply,
    )


class Magic(Filter):
    """An ``F.…`` filter evaluated on the event loop.

    aiogram runs any filter that is not a coroutine (a bare ``F.text`` is one) through
    ``asyncio.to_thread``: a thread hand-off per filter per update, for a few attribute reads.
    Resolving the magic filter here gives the same value aiogram would have seen.
    """

    __slots__ = ("magic",)

    def __init__(self, magic: MagicFilter) -> None:
        self.magic = magic

    async def __call__(self, event: TelegramObject) -> Any:
        return self.magic.resolve(event)

"""Turning an aiogram update into the service's Incoming: the only thing routers do."""

from __future__ import annotations

from aiogram.types import Message, Update

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

"""A phone number shared with Telegram's "share my number" key.

Only the person's own contact counts (contact.user_id == sender): a forwarded card of
someone else is not consent from that someone, so it arrives as no number at all.
"""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.types import Message, Update

from bot.telegram.incoming import Runner
from bot.telegram.routers.base import Magic, from_message
from flows.chat import Act


async def on_contact(message: Message, bot: Bot, event_update: Update, runner: Runner) -> None:
    contact = message.contact
    own = contact is not None and message.from_user is not None and contact.user_id == message.from_user.id
    phone = contact.phone_number if own and contact is not None else None
    await runner.handle(bot, from_message(message, event_update, Act.CONTACT, phone=phone))


def create_router() -> Router:
    router = Router(name="contact")
    router.message.register(on_contact, Magic(F.contact))
    return router

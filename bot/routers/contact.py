"""A phone number shared with the request_contact button.

Only the person's own contact counts (contact.user_id == sender): a forwarded
card of someone else is not consent from that someone.
"""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.types import Message, Update

from bot.routers.base import Magic, from_message
from bot.service import Action, ConversationService


async def on_contact(message: Message, bot: Bot, event_update: Update, service: ConversationService) -> None:
    contact = message.contact
    own = contact is not None and message.from_user is not None and contact.user_id == message.from_user.id
    phone = contact.phone_number if own and contact is not None else None
    await service.handle(bot, from_message(message, event_update, Action.CONTACT, phone=phone))


def create_router() -> Router:
    router = Router(name="contact")
    router.message.register(on_contact, Magic(F.contact))
    return router


router = create_router()

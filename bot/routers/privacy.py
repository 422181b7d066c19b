"""/mydata, /delete (with a confirmation button) and /stop: the person's control over their data.

They work at any point, also while a staff member has the person, and run under the
same per-chat lock and update de-duplication as the screening (bot/leads/serial.py).
"""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Command
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from sqlalchemy import select

from bot.config import Settings
from bot.db.models import Conversation
from bot.leads.handoff import Handoff
from bot.leads.privacy import erase, my_data_text
from bot.leads.serial import serialized
from bot.render import escape
from bot.routers.base import Magic
from bot.service import ConversationService
from flows.catalogue import normalize_lang, t

DELETE_YES = "privacy:delete:yes"
DELETE_NO = "privacy:delete:no"


async def _lang(service: ConversationService, chat_id: int, language_code: str | None) -> str:
    async with service.session_factory() as session:
        stored = (
            await session.execute(select(Conversation.lang).where(Conversation.chat_id == chat_id))
        ).scalar_one_or_none()
    return stored or normalize_lang(language_code)


async def on_mydata(message: Message, event_update: Update, service: ConversationService) -> None:
    lang = await _lang(
        service, message.chat.id, message.from_user.language_code if message.from_user else None
    )
    async with serialized(service, message.chat.id, event_update.update_id) as session:
        if session is None:
            return
        text = await my_data_text(session, message.chat.id, lang)
    await message.answer(text)


async def on_delete(
    message: Message, event_update: Update, service: ConversationService, settings: Settings
) -> None:
    lang = await _lang(
        service, message.chat.id, message.from_user.language_code if message.from_user else None
    )
    markup = InlineKeyboardMarkup(
        inline_keyboard=[
            [InlineKeyboardButton(text=t("leads.delete.yes", lang), callback_data=DELETE_YES)],
            [InlineKeyboardButton(text=t("leads.delete.no", lang), callback_data=DELETE_NO)],
        ]
    )
    await message.answer(
        t("leads.delete.confirm", lang, firm=escape(settings.firm_name)), reply_markup=markup
    )


async def on_delete_answer(
    query: CallbackQuery, bot: Bot, event_update: Update, service: ConversationService, handoff: Handoff
) -> None:
    message = query.message
    if message is None:
        await query.answer()
        return
    chat_id = message.chat.id
    lang = await _lang(service, chat_id, query.from_user.language_code)
    await query.answer()
    if query.data == DELETE_NO:
        await _close_keyboard(bot, chat_id, message.message_id, t("leads.delete.kept", lang))
        return
    async with serialized(service, chat_id, event_update.update_id) as session:
        if session is None:
            return
        erased = await erase(session, chat_id, service.clock())
    await _close_keyboard(bot, chat_id, message.message_id, t("leads.delete.done", lang))
    if erased.lead_id is not None:
        await handoff.lead_withdrawn(bot, erased)


async def _close_keyboard(bot: Bot, chat_id: int, message_id: int, text: str) -> None:
    """Replace the confirmation with the outcome, so the buttons cannot be pressed twice."""
    try:
        await bot.edit_message_text(text=text, chat_id=chat_id, message_id=message_id, reply_markup=None)
    except TelegramAPIError:
        await bot.send_message(chat_id, text)


async def on_stop(message: Message, event_update: Update, service: ConversationService) -> None:
    lang = await _lang(
        service, message.chat.id, message.from_user.language_code if message.from_user else None
    )
    async with serialized(service, message.chat.id, event_update.update_id) as session:
        if session is None:
            return
        conv = (
            await session.execute(select(Conversation).where(Conversation.chat_id == message.chat.id))
        ).scalar_one_or_none()
        if conv is not None and not conv.opted_out:
            conv.opted_out = True
    await message.answer(t("leads.stop.done", lang))


def create_router() -> Router:
    router = Router(name="privacy")
    router.message.filter(Magic(F.chat.type == "private"))
    router.callback_query.filter(Magic(F.message.chat.type == "private"))
    router.message.register(on_mydata, Command("mydata"))
    router.message.register(on_delete, Command("delete"))
    router.message.register(on_stop, Command("stop"))
    router.callback_query.register(on_delete_answer, Magic(F.data.in_({DELETE_YES, DELETE_NO})))
    return router


router = create_router()

"""/mydata and /delete (with a confirmation button): the person's control over their data.

They work at any point, also while a staff member has the person, and run through the
runner's store: the same chat lock and update claim as the conversation's own steps.
(/stop, no more reminders, is a conversation input: flows/conversation.py.)
"""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Command
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update

from bot.config import Settings
from bot.features.leads.handoff import Handoff
from bot.features.privacy.erase import erase, my_data_text, stored_lang
from bot.runner.runner import StepRunner
from bot.telegram.render import escape
from bot.telegram.routers.base import Magic
from flows.catalogue import normalize_lang, t

DELETE_YES = "privacy:delete:yes"
DELETE_NO = "privacy:delete:no"


async def _lang(runner: StepRunner, chat_id: int, language_code: str | None) -> str:
    async with runner.session_factory() as session:
        return await stored_lang(session, chat_id) or normalize_lang(language_code)


async def on_mydata(message: Message, event_update: Update, runner: StepRunner) -> None:
    lang = await _lang(
        runner, message.chat.id, message.from_user.language_code if message.from_user else None
    )
    chat_id = message.chat.id
    async with runner.store.hold(chat_id) as held:
        async with held.transaction(event_update.update_id, chat_id, runner.clock()) as session:
            if session is None:
                return
            text = await my_data_text(session, chat_id, lang)
        await message.answer(text)


async def on_delete(message: Message, event_update: Update, runner: StepRunner, settings: Settings) -> None:
    lang = await _lang(
        runner, message.chat.id, message.from_user.language_code if message.from_user else None
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
    query: CallbackQuery, bot: Bot, event_update: Update, runner: StepRunner, handoff: Handoff
) -> None:
    message = query.message
    if message is None:
        await query.answer()
        return
    chat_id = message.chat.id
    lang = await _lang(runner, chat_id, query.from_user.language_code)
    await query.answer()
    if query.data == DELETE_NO:
        await _close_keyboard(bot, chat_id, message.message_id, t("leads.delete.kept", lang))
        return
    async with runner.store.hold(chat_id) as held:
        async with held.transaction(event_update.update_id, chat_id, runner.clock()) as session:
            if session is None:
                return
            erased = await erase(session, chat_id, runner.clock())
        await _close_keyboard(bot, chat_id, message.message_id, t("leads.delete.done", lang))
    if erased.lead_id is not None:
        await handoff.lead_withdrawn(bot, erased)


async def _close_keyboard(bot: Bot, chat_id: int, message_id: int, text: str) -> None:
    """Replace the confirmation with the outcome, so the buttons cannot be pressed twice."""
    try:
        await bot.edit_message_text(text=text, chat_id=chat_id, message_id=message_id, reply_markup=None)
    except TelegramAPIError:
        await bot.send_message(chat_id, text)


def create_router() -> Router:
    router = Router(name="privacy")
    router.message.filter(Magic(F.chat.type == "private"))
    router.callback_query.filter(Magic(F.message.chat.type == "private"))
    router.message.register(on_mydata, Command("mydata"))
    router.message.register(on_delete, Command("delete"))
    router.callback_query.register(on_delete_answer, Magic(F.data.in_({DELETE_YES, DELETE_NO})))
    return router

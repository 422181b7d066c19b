"""The staff chat (STAFF_CHAT_ID): card buttons, replies to relayed messages, /handback.

Everything posted in the staff chat is consumed here, so staff chatter never reaches
the screening routers. Each update is claimed through the runner's store (the claim
of a Take or Done commits with what it changed), so a redelivered reply is not copied
to the person twice.
"""

from __future__ import annotations

from typing import Any

from aiogram import Bot, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message, Update

from bot.config import Settings
from bot.features.leads.card import STAFF_LANG
from bot.features.leads.handoff import Handoff, LeadAction
from bot.features.leads.outcome import KEEP, ask_outcome, outcome_of
from bot.runner.runner import StepRunner
from flows.catalogue import t


async def in_staff_chat(event: Message | CallbackQuery, settings: Settings) -> bool:
    message: Any = event.message if isinstance(event, CallbackQuery) else event
    return (
        settings.staff_chat_id is not None
        and message is not None
        and message.chat.id == settings.staff_chat_id
    )


async def on_card_button(
    query: CallbackQuery,
    callback_data: LeadAction,
    bot: Bot,
    event_update: Update,
    handoff: Handoff,
) -> None:
    update_id = event_update.update_id
    if query.message is None:
        await query.answer()
        return
    if callback_data.action == "take":
        note = await handoff.take(bot, callback_data.lead_id, query.from_user, update_id)
    elif callback_data.action == "done":
        card = query.message
        note = await ask_outcome(bot, card.chat.id, card.message_id, callback_data.lead_id)
    elif outcome_of(callback_data.action) is not None:
        note = await handoff.hand_back(
            bot,
            callback_data.lead_id,
            done=True,
            user=query.from_user,
            update_id=update_id,
            outcome=outcome_of(callback_data.action),
        )
    elif callback_data.action == KEEP:
        await handoff.refresh_card(bot, callback_data.lead_id)
        note = None
    elif callback_data.action == "back":
        note = await handoff.hand_back(
            bot, callback_data.lead_id, done=False, user=query.from_user, update_id=update_id
        )
    else:
        note = None
    await query.answer(note)


async def on_handback(
    message: Message, bot: Bot, event_update: Update, runner: StepRunner, handoff: Handoff
) -> None:
    reply_to = message.reply_to_message
    lead = None
    if reply_to is not None:
        lead, _ = await handoff.lead_for_reply(reply_to.message_id)
    if lead is None:
        if await runner.claim(message.chat.id, event_update.update_id):
            await message.reply(t("leads.staff.reply_unknown", STAFF_LANG))
        return
    note = await handoff.hand_back(
        bot, lead.id, done=False, user=message.from_user, update_id=event_update.update_id
    )
    if note:
        await message.reply(note)


async def on_staff_message(
    message: Message, bot: Bot, event_update: Update, runner: StepRunner, handoff: Handoff
) -> None:
    reply_to = message.reply_to_message
    if reply_to is None or reply_to.from_user is None or reply_to.from_user.id != bot.id:
        return  # staff talking among themselves
    if not await runner.claim(message.chat.id, event_update.update_id):
        return
    note = await handoff.reply_to_person(bot, message.message_id, reply_to.message_id)
    if note:
        await message.reply(note)


async def on_other_button(query: CallbackQuery) -> None:
    await query.answer()


def create_router() -> Router:
    router = Router(name="staff")
    router.message.filter(in_staff_chat)
    router.callback_query.filter(in_staff_chat)
    router.callback_query.register(on_card_button, LeadAction.filter())
    router.callback_query.register(on_other_button)
    router.message.register(on_handback, Command("handback"))
    router.message.register(on_staff_message)
    return router

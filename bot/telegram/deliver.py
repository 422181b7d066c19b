"""Sending a step's replies after its commit: the button's answer, the chosen mark, the messages.

Nothing reaches the person for a step that was not stored: the runner calls this after the
commit, still holding the chat, so one chat's replies never interleave.
"""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest

from bot.telegram import render
from bot.telegram.incoming import Incoming, WebhookReply
from bot.telegram.render import Outgoing

logger = logging.getLogger(__name__)


async def answer_button(
    bot: Bot, query_id: str, text: str | None = None, reply: WebhookReply | None = None
) -> None:
    """Stop the button's spinner (with a short notice, if any): on the webhook response when there is one."""
    if reply is not None and reply.callback_query_id is None:
        reply.callback_query_id, reply.text = query_id, text
        return
    try:
        await bot.answer_callback_query(query_id, text=text)
    except TelegramAPIError as error:  # query too old (e.g. a redelivered update)
        logger.info("answerCallbackQuery failed: %s", type(error).__name__)


async def answer_press(bot: Bot, incoming: Incoming, text: str | None = None) -> None:
    if incoming.callback is not None:
        await answer_button(bot, incoming.callback.query_id, text, incoming.reply)


async def send_replies(bot: Bot, incoming: Incoming, messages: list[Outgoing], *, mark_chosen: bool) -> bool:
    """Mark the pressed button's choice, then send the messages in order; False if a send failed."""
    cb = incoming.callback
    if cb is not None and mark_chosen and cb.message_id is not None:
        try:
            await bot.edit_message_reply_markup(
                chat_id=incoming.chat_id,
                message_id=cb.message_id,
                reply_markup=render.chosen_markup(cb.markup, cb.data),
            )
        except TelegramBadRequest as error:  # message too old, or already edited
            logger.info("could not mark the chosen answer: %s", error.message)
    for message in messages:
        try:
            await bot.send_message(incoming.chat_id, message.text, reply_markup=message.reply_markup)
        except TelegramAPIError as error:
            # Committed already; the person can recover with /help. Do not send the rest out of order.
            logger.error("sending to chat %s failed: %s", incoming.chat_id, type(error).__name__)
            return False
    return True

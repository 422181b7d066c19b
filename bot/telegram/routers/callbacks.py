"""Inline button presses. Every press is answered (the spinner stops), accepted or not."""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message, Update

from bot.telegram import render
from bot.telegram.deliver import answer_button
from bot.telegram.incoming import CallbackRef, Incoming, Runner, WebhookReply
from flows.catalogue import normalize_lang, t
from flows.chat import Act, ChatInput


async def on_button(
    query: CallbackQuery,
    bot: Bot,
    event_update: Update,
    runner: Runner,
    webhook_reply: WebhookReply | None = None,
) -> None:
    payload = render.decode_callback(query.data)
    message = query.message
    if payload is None or message is None:
        # The "✓ chosen" marker, or data from a keyboard we no longer understand: nothing to change.
        key = "bot.already_answered" if query.data == render.NOOP_DATA else "bot.stale_button"
        await answer_button(
            bot, query.id, t(key, normalize_lang(query.from_user.language_code)), webhook_reply
        )
        return
    markup = message.reply_markup if isinstance(message, Message) else None
    incoming = Incoming(
        update_id=event_update.update_id,
        chat_id=message.chat.id,
        user_id=query.from_user.id,
        chat=ChatInput(
            act=Act.INPUT,
            user_input=render.to_user_input(payload),
            first_name=query.from_user.first_name,
            language_code=query.from_user.language_code,
            button=True,
        ),
        callback=CallbackRef(
            query_id=query.id,
            data=query.data or "",
            message_id=message.message_id,
            markup=markup if isinstance(markup, InlineKeyboardMarkup) else None,
        ),
        reply=webhook_reply,
    )
    await runner.handle(bot, incoming)


def create_router() -> Router:
    router = Router(name="callbacks")
    router.callback_query.register(on_button)
    return router

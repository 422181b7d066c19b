"""What the transport hands the runner for one Telegram update, and the runner's shape.

Routers only build an :class:`Incoming` (the person's input as flows/ takes it, plus
the Telegram facts the runner needs to answer: the button press, the message id) and
pass it to whatever :class:`Runner` the dispatcher was given.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from aiogram import Bot
from aiogram.types import InlineKeyboardMarkup

from flows.chat import ChatInput


@dataclass(frozen=True)
class CallbackRef:
    """The button press behind an update, so it can be answered and its keyboard marked after commit."""

    query_id: str
    data: str
    message_id: int | None = None
    markup: InlineKeyboardMarkup | None = None


@dataclass
class WebhookReply:
    """Webhook mode: a Bot API call that rides on the HTTP response to Telegram ("reply into webhook").

    Only the answer to a button press goes this way: Telegram runs it once we answer the request,
    which saves one HTTPS call per press, and its result (which nobody needs) is never known. The
    messages themselves are always sent as calls, so a failure to send them is seen and logged.
    """

    callback_query_id: str | None = None
    text: str | None = None

    def body(self) -> dict[str, Any]:
        if self.callback_query_id is None:
            return {}
        body: dict[str, Any] = {"method": "answerCallbackQuery", "callback_query_id": self.callback_query_id}
        if self.text is not None:
            body["text"] = self.text
        return body


@dataclass(frozen=True)
class Incoming:
    update_id: int
    chat_id: int
    user_id: int | None
    chat: ChatInput  # the input as flows/ takes it
    callback: CallbackRef | None = None
    message_id: int | None = None  # the person's message (copied to the staff chat during a handoff)
    reply: WebhookReply | None = None  # set in webhook mode: the button's answer rides on the response


class Runner(Protocol):
    """Runs one person's update end to end (bot/runner/runner.py)."""

    async def handle(self, bot: Bot, incoming: Incoming) -> object: ...

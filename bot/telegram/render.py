"""flows.OutMessage -> Telegram message text and keyboards; callback data encoding.

Callback data carries the conversation step the button was shown at, so a press
on an old keyboard can be recognised and ignored (the stored Snapshot.step has
moved on). Format: "<step>|<value>", at most 64 bytes as Telegram requires.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass

from aiogram.types import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    WebAppInfo,
)

from flows.types import Button, InputKind, Keyboard, OutMessage, UserInput

CALLBACK_DATA_MAX_BYTES = 64
SEPARATOR = "|"
# A button that only shows what was chosen; pressing it does nothing.
NOOP_DATA = "noop"
COMMAND_PREFIX = "cmd:"

ReplyMarkup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove
# The Mini Apps this bot serves, by name (flows.types.Button.web_app), and their https addresses.
WebApps = Mapping[str, str]
NO_WEB_APPS: WebApps = {}


@dataclass(frozen=True)
class Outgoing:
    """One message to send, fully rendered, so it can be built inside the transaction and sent after it."""

    text: str
    reply_markup: ReplyMarkup | None = None
    kind: str = "info"
    question_id: str | None = None


@dataclass(frozen=True)
class CallbackPayload:
    step: int
    value: str


class CallbackDataError(ValueError):
    pass


def encode_callback(step: int, value: str) -> str:
    data = f"{step}{SEPARATOR}{value}"
    if len(data.encode("utf-8")) > CALLBACK_DATA_MAX_BYTES:
        raise CallbackDataError(f"callback data over {CALLBACK_DATA_MAX_BYTES} bytes: {data!r}")
    return data


def decode_callback(data: str | None) -> CallbackPayload | None:
    """None for anything we did not produce (noop, garbage, data from an older bot version)."""
    if not data or SEPARATOR not in data:
        return None
    step_text, _, value = data.partition(SEPARATOR)
    if not step_text.isdigit() or not value:
        return None
    return CallbackPayload(step=int(step_text), value=value)


def to_user_input(payload: CallbackPayload) -> UserInput:
    """A "cmd:" button is a command for the engine; any other is an answer shown at payload.step."""
    if payload.value.startswith(COMMAND_PREFIX):
        return UserInput(
            kind=InputKind.COMMAND, value=payload.value[len(COMMAND_PREFIX) :], step=payload.step
        )
    return UserInput(kind=InputKind.BUTTON, value=payload.value, step=payload.step)


def inline_keyboard(
    rows: tuple[tuple[Button, ...], ...], step: int, web_apps: WebApps = NO_WEB_APPS
) -> InlineKeyboardMarkup | None:
    rendered = [[b for b in (keyboard_button(button, step, web_apps) for button in row) if b] for row in rows]
    rendered = [row for row in rendered if row]
    if not rendered:
        return None
    return InlineKeyboardMarkup(inline_keyboard=rendered)


def keyboard_button(button: Button, step: int, web_apps: WebApps) -> InlineKeyboardButton | None:
    """The button as Telegram takes it; None for a Mini App this bot does not serve (left out)."""
    if button.web_app is not None:
        url = web_apps.get(button.web_app)
        return InlineKeyboardButton(text=button.label, web_app=WebAppInfo(url=url)) if url else None
    return inline_button(button, step)


def inline_button(button: Button, step: int) -> InlineKeyboardButton:
    if button.url is not None:
        return InlineKeyboardButton(text=button.label, url=button.url)
    return InlineKeyboardButton(text=button.label, callback_data=encode_callback(step, button.value))


def reply_keyboard(keyboard: Keyboard) -> ReplyKeyboardMarkup:
    return ReplyKeyboardMarkup(
        keyboard=[
            [KeyboardButton(text=key.label, request_contact=key.request_contact or None) for key in row]
            for row in keyboard.rows
        ],
        resize_keyboard=True,
        one_time_keyboard=True,
    )


def render_message(message: OutMessage, step: int, web_apps: WebApps = NO_WEB_APPS) -> Outgoing:
    markup: ReplyMarkup | None = inline_keyboard(message.buttons, step, web_apps)
    if markup is None and message.keyboard is not None:
        markup = reply_keyboard(message.keyboard)
    elif markup is None and message.remove_keyboard:
        markup = ReplyKeyboardRemove()
    return Outgoing(
        text=message.html, reply_markup=markup, kind=message.kind, question_id=message.question_id
    )


def render_messages(
    messages: list[OutMessage], step: int, web_apps: WebApps = NO_WEB_APPS
) -> list[Outgoing]:
    return [render_message(message, step, web_apps) for message in messages]


def escape(value: object) -> str:
    """Escape anything not produced by us for Telegram HTML (<, >, & and quotes)."""
    return html.escape(str(value), quote=True)


def chosen_markup(markup: InlineKeyboardMarkup | None, data: str) -> InlineKeyboardMarkup:
    """The old keyboard replaced by one inert button naming the choice, so it cannot be pressed again."""
    label = None
    if markup is not None:
        for row in markup.inline_keyboard:
            for button in row:
                if button.callback_data == data:
                    label = button.text
    if label is None:
        return InlineKeyboardMarkup(inline_keyboard=[])
    return InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text=f"✓ {label}", callback_data=NOOP_DATA)]]
    )

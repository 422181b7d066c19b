"""The routers that turn a person's updates into the conversation's inputs, in priority order.

Each module has ``create_router()``; :func:`get_routers` builds fresh ones on every call
because aiogram lets a Router belong to one Dispatcher only, and tests (and a restarted bot
in the same process) build several. Features add their own routers in front (bot/app.py).
"""

from __future__ import annotations

from aiogram import Router

from bot.telegram.routers import answers, callbacks, commands, contact, fallback


def get_routers() -> list[Router]:
    # Commands before text (a "/help" is text too); the catch-all for stickers and photos last.
    return [
        commands.create_router(),
        callbacks.create_router(),
        contact.create_router(),
        answers.create_router(),
        fallback.create_router(),
    ]

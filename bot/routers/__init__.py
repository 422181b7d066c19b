"""Routers in priority order.

Each module exposes ``router`` and ``create_router()``. get_routers() builds fresh
ones on every call because aiogram lets a Router belong to one Dispatcher only,
and tests (and a restarted bot in the same process) build several Dispatchers.
"""

from __future__ import annotations

from aiogram import Router

from bot.routers import admin, answers, callbacks, commands, contact, errors, fallback, privacy, staff


def get_routers() -> list[Router]:
    # Commands before text (a "/help" is text too); the catch-all for stickers and photos last.
    return [
        errors.create_router(),
        # The staff chat's updates never reach the screening; /mydata /delete /stop work at any point.
        staff.create_router(),
        privacy.create_router(),
        # Admin commands first: for non-admins its filter does not match, and the text goes on as usual.
        admin.create_router(),
        commands.create_router(),
        callbacks.create_router(),
        contact.create_router(),
        answers.create_router(),
        fallback.create_router(),
    ]

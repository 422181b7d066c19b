"""/dashboard in Telegram (admins only): a sign-in link for the dashboard, usable once within minutes.

The link goes out with link previews off: Telegram's preview fetch would otherwise open it
before the admin does and use it up.
"""

from __future__ import annotations

from html import escape

from aiogram import Bot, Router
from aiogram.filters import Command
from aiogram.types import Message

from bot.config import Settings
from bot.features.dashboard.auth import LINK_TTL, Signatures
from bot.features.reports.admin_router import NO_PREVIEW, IsAdmin
from bot.runner.runner import StepRunner
from flows.catalogue import normalize_lang, t


async def on_dashboard(message: Message, bot: Bot, runner: StepRunner, settings: Settings) -> None:
    lang = normalize_lang(message.from_user.language_code if message.from_user else None)
    if not (settings.dashboard_enabled() and settings.public_base_url) or message.from_user is None:
        await bot.send_message(message.chat.id, t("office.dashboard.off", lang))
        return
    link = await Signatures(settings).issue_link(runner.session_factory, message.from_user.id, runner.clock())
    minutes = int(LINK_TTL.total_seconds() // 60)
    text = t("office.dashboard.link", lang, url=escape(link, quote=True), minutes=minutes)
    await bot.send_message(message.chat.id, text, link_preview_options=NO_PREVIEW)


def create_router() -> Router:
    router = Router(name="dashboard")
    router.message.filter(IsAdmin())
    router.message.register(on_dashboard, Command("dashboard"))
    return router

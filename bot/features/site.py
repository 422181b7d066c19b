"""What the bot's web server serves besides Telegram's webhook: ad clicks (/go/<campaign>) and the
dashboard (/dashboard). Mounted on the webhook worker's app, or on its own by `python -m bot web`
for polling deployments; both read and write the same database, so either can serve them."""

from __future__ import annotations

import logging

from aiohttp import web
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.features.attribution import LinkError
from bot.features.clicks import install_clicks
from bot.features.dashboard.views import install_dashboard

logger = logging.getLogger(__name__)


async def to_dashboard(request: web.Request) -> web.StreamResponse:
    raise web.HTTPMovedPermanently("/dashboard/")


def install_site(app: web.Application, settings: Settings, factory: async_sessionmaker[AsyncSession]) -> None:
    try:
        install_clicks(app, factory, settings.bot_username)
    except LinkError as error:
        logger.warning("ad clicks (/go/<campaign>) are off: %s", error)
    if settings.dashboard_enabled():
        # Before the dashboard's own routes: the sub-application's prefix would take "/dashboard" too.
        app.router.add_get("/dashboard", to_dashboard)
    install_dashboard(app, settings, factory)

"""`python -m bot web`: the bot's web pages on their own, for polling deployments.

A webhook worker serves /go/<campaign> (ad clicks), /dashboard and /form (the financial form) next
to Telegram's webhook; a bot that polls has no web server, so this command runs one with just those
(and /healthz). It reads and writes the same database as the bot. Only the form needs the bot token:
it proves who opened the form, and a submitted form is a step of the conversation, run here by the
same runner as the bot's (its replies go to the chat); without the token the form is not served.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
from typing import TYPE_CHECKING

from bot.cli.common import Subcommands, setup_logging
from bot.config import Settings, load_settings

if TYPE_CHECKING:
    from bot.app import App

logger = logging.getLogger(__name__)


async def form_bot(settings: Settings) -> App | None:
    """The bot (its runner, its client) that takes the financial form's submissions; None when the
    form is off here (the log says why)."""
    try:
        settings.form_url()
    except ValueError as why:
        logger.info("financial form: off (%s)", why)
        return None
    if not settings.secret("bot_token"):
        logger.warning(
            "financial form: not served: BOT_TOKEN is not set (it proves who opened the form, and the "
            "replies go to the chat)"
        )
        return None
    from bot.app import build_app

    return await build_app(settings)


async def run_web(settings: Settings, host: str, port: int, stop: asyncio.Event | None = None) -> None:
    from aiohttp import web

    from bot.db.engine import create_session_factory, open_database
    from bot.features.finform.setup import install_form
    from bot.features.site import install_site
    from bot.web.server import ENGINE_KEY, healthz, serve

    bot_app = await form_bot(settings)
    engine = bot_app.engine if bot_app is not None else await open_database(settings.database_url)
    app = web.Application()
    app[ENGINE_KEY] = engine
    app.router.add_get("/healthz", healthz)
    install_site(app, settings, create_session_factory(engine))
    if bot_app is not None:
        install_form(app, settings, bot_app.runner, bot_app.bot)

    async def close(_: web.Application) -> None:
        if bot_app is not None:
            await bot_app.close()  # the bot's session and the engine
        else:
            await engine.dispose()

    app.on_cleanup.append(close)
    await serve(app, host, port, stop=stop)


def cmd_web(args: argparse.Namespace) -> int:
    settings = load_settings()
    setup_logging(settings.log_level)
    asyncio.run(run_web(settings, args.host or settings.webhook_host, args.port or settings.webhook_port))
    return 0


def add_web(sub: Subcommands) -> None:
    p = sub.add_parser(
        "web", help="serve ad clicks (/go/...), the dashboard and the form without the webhook"
    )
    p.add_argument("--host", help="where to listen (default: WEBHOOK_HOST)")
    p.add_argument("--port", type=int, help="the port (default: WEBHOOK_PORT)")
    p.set_defaults(func=cmd_web)

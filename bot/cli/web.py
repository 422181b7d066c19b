"""`python -m bot web`: the bot's web pages on their own, for polling deployments.

A webhook worker serves /go/<campaign> (ad clicks) and /dashboard next to Telegram's webhook; a bot
that polls has no web server, so this command runs one with just those (and /healthz). It needs
no bot token: it reads and writes the same database as the bot.
"""

from __future__ import annotations

import argparse
import asyncio

from bot.cli.common import Subcommands, setup_logging
from bot.config import Settings, load_settings


async def run_web(settings: Settings, host: str, port: int, stop: asyncio.Event | None = None) -> None:
    from aiohttp import web

    from bot.db.engine import create_session_factory, open_database
    from bot.features.site import install_site
    from bot.web.server import ENGINE_KEY, healthz, serve

    engine = await open_database(settings.database_url)
    app = web.Application()
    app[ENGINE_KEY] = engine
    app.router.add_get("/healthz", healthz)
    install_site(app, settings, create_session_factory(engine))

    async def close(_: web.Application) -> None:
        await engine.dispose()

    app.on_cleanup.append(close)
    await serve(app, host, port, stop=stop)


def cmd_web(args: argparse.Namespace) -> int:
    settings = load_settings()
    setup_logging(settings.log_level)
    asyncio.run(run_web(settings, args.host or settings.webhook_host, args.port or settings.webhook_port))
    return 0


def add_web(sub: Subcommands) -> None:
    p = sub.add_parser("web", help="serve ad clicks (/go/...) and the dashboard without the webhook")
    p.add_argument("--host", help="where to listen (default: WEBHOOK_HOST)")
    p.add_argument("--port", type=int, help="the port (default: WEBHOOK_PORT)")
    p.set_defaults(func=cmd_web)

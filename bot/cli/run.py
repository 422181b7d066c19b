"""`python -m bot` (or `python -m bot run`): long polling, for development and small deployments."""

from __future__ import annotations

import argparse
import asyncio

from bot.cli.common import Subcommands, setup_logging
from bot.config import load_settings, require_token
from bot.db.engine import open_database


async def check_database(url: str) -> None:
    engine = await open_database(url)
    await engine.dispose()


def cmd_polling(args: argparse.Namespace) -> int:
    settings = load_settings()
    setup_logging(settings.log_level)
    # Cheap checks first: importing aiogram takes seconds on a busy machine, and a missing token or
    # a wrong DATABASE_URL should be reported at once.
    require_token(settings)
    asyncio.run(check_database(settings.database_url))
    from bot.app import build_app, freeze_startup_heap

    async def main() -> None:
        app = await build_app(settings)
        freeze_startup_heap()
        await app.run_polling()

    asyncio.run(main())
    return 0


def add_polling(sub: Subcommands) -> None:
    sub.add_parser("run", help="long polling (the default)").set_defaults(func=cmd_polling)

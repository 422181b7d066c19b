"""Command line: `python -m bot` (long polling), `python -m bot chat`, `python -m bot migrate`.

Subcommands are argparse subparsers registered in COMMANDS, so later features add
`webhook`, `report`, `export` by adding one function and one entry. Startup
problems the operator can fix print ONE line to stderr and exit with code 2.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Callable
from typing import TypeVar

from pydantic import ValidationError

from bot.config import Settings, require_token
from bot.errors import StartupError, redacted

EXIT_CONFIG = 2
SettingsT = TypeVar("SettingsT", bound=Settings)


def load_settings() -> Settings:
    return load_settings_as(Settings)


def load_settings_as(cls: type[SettingsT]) -> SettingsT:
    """Settings or a mode's subclass of it (WebhookSettings), with errors turned into one line."""
    try:
        return cls()
    except ValidationError as error:
        first = error.errors()[0]
        name = str(first["loc"][0]).upper() if first["loc"] else "settings"
        raise StartupError(f"invalid setting {name}: {first['msg']}") from None


def setup_logging(level: str) -> None:
    logging.basicConfig(
        level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr
    )
    # aiohttp's access/client logs could carry request URLs, and those carry the token.
    logging.getLogger("aiohttp").setLevel(max(logging.WARNING, logging.getLevelName(level)))
    # Alembic announces each of its plugins at INFO when imported (`migrate` imports it): seven
    # lines of noise before the one that matters.
    logging.getLogger("alembic.runtime.plugins").setLevel(max(logging.WARNING, logging.getLevelName(level)))


async def check_database(url: str) -> None:
    from bot.db.engine import open_database

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


def cmd_chat(args: argparse.Namespace) -> int:
    """The conversation in a terminal: no Telegram, no token, no database."""
    from bot.console import run_console

    run_console(lang=args.lang)
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    from bot.db.migrate import upgrade

    settings = load_settings()
    setup_logging(settings.log_level)
    try:
        upgrade(settings.database_url, args.revision)
    except Exception as error:
        raise StartupError(
            f"migration failed for DATABASE_URL={redacted(settings.database_url)} "
            f"({type(error).__name__}): check the URL and that the database server runs"
        ) from None
    print(f"database is at revision {args.revision}: {redacted(settings.database_url)}")
    return 0


def add_polling(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sub.add_parser("run", help="long polling (the default)").set_defaults(func=cmd_polling)


def add_chat(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("chat", help="talk to the screening in this terminal")
    p.add_argument("--lang", default="en", choices=["en", "es"])
    p.set_defaults(func=cmd_chat)


def add_migrate(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("migrate", help="upgrade the database schema (alembic upgrade)")
    p.add_argument("revision", nargs="?", default="head")
    p.set_defaults(func=cmd_migrate)


def cmd_webhook(args: argparse.Namespace) -> int:
    from bot.webhook import WebhookSettings, run_webhook

    settings = load_settings_as(WebhookSettings)
    setup_logging(settings.log_level)
    asyncio.run(run_webhook(settings, register=not args.no_register, freeze_heap=True))
    return 0


def add_webhook(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("webhook", help="serve the webhook (production, behind a proxy)")
    p.add_argument(
        "--no-register",
        action="store_true",
        help="do not call setWebhook on start (the deploy step registers WEBHOOK_URL once)",
    )
    p.set_defaults(func=cmd_webhook)


def add_link(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from bot.attribution import add_link as add

    add(sub)


def add_report(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from bot.reports import add_report as add

    add(sub)


def add_export(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from bot.reports import add_export as add

    add(sub)


COMMANDS: list[Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None]] = [
    add_polling,
    add_chat,
    add_migrate,
    add_webhook,
    add_link,
    add_report,
    add_export,
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description="IRS relief intake bot for Telegram")
    sub = parser.add_subparsers(dest="command")
    for add in COMMANDS:
        add(sub)
    parser.set_defaults(func=cmd_polling)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except StartupError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_CONFIG
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())

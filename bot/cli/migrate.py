"""`python -m bot migrate [revision]`: bring the database's schema up to this code (Alembic)."""

from __future__ import annotations

import argparse

from bot.cli.common import Subcommands, setup_logging
from bot.config import StartupError, load_settings, redacted
from bot.db.migrate import upgrade


def cmd_migrate(args: argparse.Namespace) -> int:
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


def add_migrate(sub: Subcommands) -> None:
    p = sub.add_parser("migrate", help="upgrade the database schema (alembic upgrade)")
    p.add_argument("revision", nargs="?", default="head")
    p.set_defaults(func=cmd_migrate)

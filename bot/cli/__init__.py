"""The command line: `python -m bot [run|chat|migrate|webhook|web|link|report|export]`.

Each command is a module here with its ``add_*`` (the subparser) and ``cmd_*`` (the body).
Startup problems the operator can fix print ONE line to stderr and exit with code 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from bot.cli.chat import add_chat
from bot.cli.common import Subcommands
from bot.cli.link import add_link
from bot.cli.migrate import add_migrate
from bot.cli.report import add_export, add_report
from bot.cli.run import add_polling, cmd_polling
from bot.cli.web import add_web
from bot.cli.webhook import add_webhook
from bot.config import StartupError

EXIT_CONFIG = 2

COMMANDS: list[Callable[[Subcommands], None]] = [
    add_polling,
    add_chat,
    add_migrate,
    add_webhook,
    add_link,
    add_report,
    add_export,
    add_web,
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

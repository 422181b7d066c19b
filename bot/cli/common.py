"""What every command shares: logging, and the shape of the subcommand registry."""

from __future__ import annotations

import argparse
import logging
import sys
from typing import Any, Protocol


class Subcommands(Protocol):
    """What ``ArgumentParser.add_subparsers()`` returns, as the commands use it."""

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser: ...


def setup_logging(level: str) -> None:
    logging.basicConfig(
        level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr
    )
    quiet = max(logging.WARNING, logging.getLevelName(level))
    # aiohttp's access/client logs could carry request URLs, and those carry the token.
    logging.getLogger("aiohttp").setLevel(quiet)
    # Alembic announces each of its plugins at INFO when imported (`migrate` imports it).
    logging.getLogger("alembic.runtime.plugins").setLevel(quiet)

"""Startup errors shared by every entry point, in a module that imports nothing heavy.

`python -m bot` reports configuration mistakes before importing aiogram (seconds on a
busy machine), so a missing token or a bad DATABASE_URL answers at once.
"""

from __future__ import annotations

from sqlalchemy.engine import make_url


class StartupError(Exception):
    """A configuration problem the operator must fix; shown as one line, exit code 2."""


def redacted(url: str) -> str:
    """A database URL safe to print: the password masked."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return "<unparsable>"

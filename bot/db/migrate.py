"""Run Alembic from code, so `python -m bot migrate` works from any directory.

Alembic's env.py runs its own event loop (asyncio.run), so call these from sync
code; async callers (tests) wrap them in asyncio.to_thread.

Alembic is imported only where it is used: the bot itself needs only :func:`chain` (the startup's
check that the database is not behind its code), and importing Alembic costs a process ~9 MB.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alembic.config import Config

ROOT = Path(__file__).resolve().parents[2]
VERSIONS = ROOT / "migrations" / "versions"


def alembic_config(database_url: str) -> Config:
    from alembic.config import Config

    cfg = Config(str(ROOT / "alembic.ini")) if (ROOT / "alembic.ini").exists() else Config()
    cfg.set_main_option("script_location", str(ROOT / "migrations"))
    # ConfigParser interpolation: a literal % in a password would otherwise break.
    cfg.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return cfg


def upgrade(database_url: str, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(database_url), revision)


def downgrade(database_url: str, revision: str) -> None:
    from alembic import command

    command.downgrade(alembic_config(database_url), revision)


def revisions(database_url: str = "sqlite://") -> list[str]:
    """All revision ids, oldest first (as Alembic reads them)."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(database_url))
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


_REVISION = re.compile(r"^revision(?:\s*:[^=]*)?=\s*[\"']([^\"']+)[\"']", re.MULTILINE)
_DOWN_REVISION = re.compile(r"^down_revision(?:\s*:[^=]*)?=\s*(?:[\"']([^\"']+)[\"']|None)", re.MULTILINE)


def chain() -> list[str]:
    """The same ids as :func:`revisions`, read from the migration files' two assignments without
    Alembic. One straight chain, as tests/bot/test_migrations.py checks."""
    parent_of: dict[str, str | None] = {}
    for path in VERSIONS.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        revision, down = _REVISION.search(source), _DOWN_REVISION.search(source)
        if revision is not None and down is not None:
            parent_of[revision.group(1)] = down.group(1)
    child_of: dict[str | None, str] = {parent: child for child, parent in parent_of.items()}
    ordered: list[str] = []
    current = child_of.get(None)
    while current is not None:
        ordered.append(current)
        current = child_of.get(current)
    return ordered

"""Alembic stairway: every revision goes up, down and up again, on SQLite and PostgreSQL.

Catches a downgrade() that does not undo its upgrade() (left-over index, enum, column)
at no maintenance cost: new revisions are picked up automatically.
"""

from __future__ import annotations

import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from bot.db.engine import create_engine
from bot.db.migrate import chain as migration_chain
from bot.db.migrate import downgrade, revisions, upgrade
from bot.db.models import Base
from tests.dbs import PostgresServer, run_blocking


@pytest.fixture(params=["sqlite", "postgres"])
def empty_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'stairway.db'}"
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    name = f"bot_stairway_{uuid.uuid4().hex[:10]}"
    url = run_blocking(server.create_database(name))
    try:
        yield url
    finally:
        run_blocking(server.drop_database(name))


async def _tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            return set(await conn.run_sync(lambda sync: inspect(sync).get_table_names()))
    finally:
        await engine.dispose()


async def _schema_diff(url: str) -> list[object]:
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            return await conn.run_sync(
                lambda sync: compare_metadata(MigrationContext.configure(sync), Base.metadata)
            )
    finally:
        await engine.dispose()


def test_revisions_form_one_chain_starting_at_0001() -> None:
    chain = revisions()
    assert chain[0] == "0001"
    assert len(chain) == len(set(chain))


def test_the_bot_reads_the_same_chain_without_importing_alembic() -> None:
    """The startup's check reads the migration files itself: Alembic costs a process ~9 MB."""
    assert migration_chain() == revisions()
    probe = "import sys, bot.cli, bot.app, bot.web.server, bot.db.engine; print('alembic' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_stairway_upgrade_downgrade_upgrade_every_revision(empty_database_url: str) -> None:
    url = empty_database_url
    previous = "base"
    for revision in revisions():
        upgrade(url, revision)
        tables_up = run_blocking(_tables(url))
        downgrade(url, previous)
        upgrade(url, revision)
        assert run_blocking(_tables(url)) == tables_up, f"{revision}: downgrade/upgrade changed the tables"
        previous = revision
    downgrade(url, "base")
    assert run_blocking(_tables(url)) <= {"alembic_version"}


def test_migrations_at_head_match_the_models(empty_database_url: str) -> None:
    """A model changed without a migration (or the reverse) shows up here, not in production."""
    upgrade(empty_database_url)
    assert run_blocking(_schema_diff(empty_database_url)) == []

from collections.abc import AsyncIterator

import pytest

from tests.fakes.telegram import FakeTelegram


@pytest.fixture
async def fake_telegram() -> AsyncIterator[FakeTelegram]:
    """A fake Bot API server on 127.0.0.1; point the bot at ``fake_telegram.base_url``."""
    async with FakeTelegram() as tg:
        yield tg


# ---------------------------------------------------------------- databases (bot/db, e2e, migrations)
# Every DB-backed test runs on SQLite and, when TEST_POSTGRES_URL points at a reachable server, on
# PostgreSQL too. PostgreSQL gets a fresh uniquely named database per test session (dropped at the end);
# SQLite gets a fresh file per test, copied from one migrated template.

import asyncio  # noqa: E402
import os  # noqa: E402
import shutil  # noqa: E402
import uuid  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

from tests.dbs import PostgresServer, truncate_all  # noqa: E402

DB_BACKENDS = ("sqlite", "postgres")


@pytest.fixture(scope="session")
def postgres_server() -> PostgresServer:
    """The server behind TEST_POSTGRES_URL; skips (with the reason shown) when unset or unreachable."""
    url = os.environ.get("TEST_POSTGRES_URL")
    if not url:
        pytest.skip("PostgreSQL variant skipped: TEST_POSTGRES_URL is not set")
    server = PostgresServer(url)
    problem = asyncio.run(server.check())
    if problem:
        pytest.skip(f"PostgreSQL variant skipped: TEST_POSTGRES_URL unreachable ({problem})")
    return server


@pytest.fixture(scope="session")
def postgres_session_db(postgres_server: PostgresServer) -> Iterator[str]:
    """One migrated database for the whole session, named uniquely so parallel runs do not collide."""
    from bot.db.migrate import upgrade

    name = f"bot_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    url = asyncio.run(postgres_server.create_database(name))
    try:
        upgrade(url)
        yield url
    finally:
        asyncio.run(postgres_server.drop_database(name))


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from bot.db.migrate import upgrade

    path = tmp_path_factory.mktemp("sqlite-template") / "template.db"
    upgrade(f"sqlite+aiosqlite:///{path}")
    return path


@pytest.fixture(params=DB_BACKENDS)
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A migrated, empty database: a fresh SQLite file, or the session's PostgreSQL database truncated."""
    if request.param == "sqlite":
        template: Path = request.getfixturevalue("sqlite_template")
        path = tmp_path / "bot.db"
        shutil.copyfile(template, path)
        return f"sqlite+aiosqlite:///{path}"
    url: str = request.getfixturevalue("postgres_session_db")
    await truncate_all(url)
    return url

import os
import shutil
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from tests.dbs import PostgresServer, run_blocking, truncate_all
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

DB_BACKENDS = ("sqlite", "postgres")
# Where `make test` looks for PostgreSQL when TEST_POSTGRES_URL is not set (CI's .ci/run sets it).
LOCAL_POSTGRES_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"


def pytest_configure(config: pytest.Config) -> None:
    """Run the PostgreSQL variants wherever a local server answers, and say which way it went."""
    url = os.environ.get("TEST_POSTGRES_URL")
    if not url and os.environ.get("TEST_POSTGRES", "auto") != "off":
        if run_blocking(PostgresServer(LOCAL_POSTGRES_URL).check()) is None:
            os.environ["TEST_POSTGRES_URL"] = url = LOCAL_POSTGRES_URL
    if url:
        note = f"PostgreSQL variants: on, at {url}"
    elif os.environ.get("TEST_POSTGRES") == "off":
        note = "PostgreSQL variants: SKIPPED (TEST_POSTGRES=off)"
    else:
        note = "PostgreSQL variants: SKIPPED (no TEST_POSTGRES_URL and no server at 127.0.0.1:5432)"
    config.stash[POSTGRES_NOTE] = note


def pytest_report_header(config: pytest.Config) -> str:
    return config.stash[POSTGRES_NOTE]


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    terminalreporter.write_line(config.stash[POSTGRES_NOTE])


POSTGRES_NOTE = pytest.StashKey[str]()


@pytest.fixture(scope="session")
def postgres_server() -> PostgresServer:
    """The server behind TEST_POSTGRES_URL; skips (with the reason shown) when unset or unreachable."""
    url = os.environ.get("TEST_POSTGRES_URL")
    if not url:
        pytest.skip("PostgreSQL variant skipped: TEST_POSTGRES_URL is not set")
    server = PostgresServer(url)
    problem = run_blocking(server.check())
    if problem:
        pytest.skip(f"PostgreSQL variant skipped: TEST_POSTGRES_URL unreachable ({problem})")
    return server


@pytest.fixture(scope="session")
def postgres_session_db(postgres_server: PostgresServer) -> Iterator[str]:
    """One migrated database for the whole session, named uniquely so parallel runs do not collide."""
    from bot.db.migrate import upgrade

    name = f"bot_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    url = run_blocking(postgres_server.create_database(name))
    try:
        upgrade(url)
        yield url
    finally:
        run_blocking(postgres_server.drop_database(name))


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

"""`python -m bot` as an operator meets it: configuration mistakes give ONE line and exit code 2.

Every scenario is a real subprocess. They are started together by one module fixture and
each test checks its own result, so the module costs about as much as its slowest run
(importing aiogram takes seconds on a busy machine).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

SETTING_NAMES = ("BOT_TOKEN", "BOT_API_URL", "DATABASE_URL", "LOG_LEVEL", "ADMIN_IDS")
GOOD_TOKEN = "123456:SECRETpart_do-not-log"


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


API_URL = f"http://127.0.0.1:{closed_port()}"
PG_URL = f"postgresql+asyncpg://bot:pw-secret@127.0.0.1:{closed_port()}/bot"


@dataclass
class Scenario:
    args: tuple[str, ...] = ()
    env: dict[str, str] = field(default_factory=dict)
    stdin: str = ""
    migrated_db: bool = False  # DATABASE_URL = a copy of the migrated template in the scenario's folder


SCENARIOS = {
    "missing_token": Scenario(migrated_db=True),
    "malformed_token": Scenario(env={"BOT_TOKEN": "not-a-token"}, migrated_db=True),
    "unreachable_api": Scenario(env={"BOT_TOKEN": GOOD_TOKEN, "BOT_API_URL": API_URL}, migrated_db=True),
    "db_unknown_driver": Scenario(env={"BOT_TOKEN": GOOD_TOKEN, "DATABASE_URL": "nosuchdriver://x/y"}),
    # A sync driver cannot run under asyncio.
    "db_sync_driver": Scenario(env={"BOT_TOKEN": GOOD_TOKEN, "DATABASE_URL": "sqlite:///./sync.db"}),
    "db_not_a_url": Scenario(env={"BOT_TOKEN": GOOD_TOKEN, "DATABASE_URL": "not a url at all"}),
    "db_unreachable": Scenario(env={"BOT_TOKEN": GOOD_TOKEN, "DATABASE_URL": PG_URL}),
    "db_not_migrated": Scenario(
        env={"BOT_TOKEN": GOOD_TOKEN, "DATABASE_URL": "sqlite+aiosqlite:///./empty.db"}
    ),
    "bad_log_level": Scenario(env={"LOG_LEVEL": "LOUD"}),
    "bad_pool_size": Scenario(env={"DATABASE_POOL_SIZE": "0"}),
    "migrate_default": Scenario(args=("migrate",)),
    "chat": Scenario(args=("chat",), stdin="federal\n8000\n"),
}


@dataclass
class Run:
    cwd: Path
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> dict[str, Run]:
    clean = {k: v for k, v in os.environ.items() if k not in SETTING_NAMES and not k.startswith("TEST_")}
    started: dict[str, tuple[Path, subprocess.Popen[str], str]] = {}
    for name, scenario in SCENARIOS.items():
        # Each run gets an empty folder (no .env there), so only what the scenario sets is configured.
        cwd = tmp_path_factory.mktemp(name)
        env = {**clean, **scenario.env}
        if scenario.migrated_db:
            shutil.copyfile(sqlite_template, cwd / "bot.db")
            env["DATABASE_URL"] = f"sqlite+aiosqlite:///{cwd / 'bot.db'}"
        proc = subprocess.Popen(
            [sys.executable, "-m", "bot", *scenario.args],
            cwd=cwd,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        started[name] = (cwd, proc, scenario.stdin)
    results = {}
    for name, (cwd, proc, stdin) in started.items():
        out, err = proc.communicate(stdin, timeout=90)
        results[name] = Run(cwd, proc.returncode, out, err)
    return results


def one_line_exit_2(run: Run, *expected: str) -> str:
    assert run.returncode == 2, (run.returncode, run.stderr)
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    assert "Traceback" not in run.stderr
    for word in expected:
        assert word in lines[0], lines[0]
    return lines[0]


def test_missing_token(runs: dict[str, Run]) -> None:
    one_line_exit_2(runs["missing_token"], "BOT_TOKEN is not set")


def test_malformed_token_is_not_echoed(runs: dict[str, Run]) -> None:
    line = one_line_exit_2(runs["malformed_token"], "BOT_TOKEN is malformed")
    assert "not-a-token" not in line


def test_unreachable_bot_api_server(runs: dict[str, Run]) -> None:
    run = runs["unreachable_api"]
    one_line_exit_2(run, "BOT_API_URL", API_URL)
    assert "SECRETpart" not in run.stderr + run.stdout  # the token is in every request URL


@pytest.mark.parametrize("name", ["db_unknown_driver", "db_sync_driver", "db_not_a_url"])
def test_bad_database_url(runs: dict[str, Run], name: str) -> None:
    one_line_exit_2(runs[name], "DATABASE_URL")


def test_unreachable_database_server_hides_the_password(runs: dict[str, Run]) -> None:
    line = one_line_exit_2(runs["db_unreachable"], "DATABASE_URL", "cannot open the database")
    assert "pw-secret" not in line


def test_database_not_migrated_says_how_to_fix(runs: dict[str, Run]) -> None:
    one_line_exit_2(runs["db_not_migrated"], "python -m bot migrate")


def test_invalid_setting_is_named(runs: dict[str, Run]) -> None:
    one_line_exit_2(runs["bad_log_level"], "LOG_LEVEL")
    one_line_exit_2(runs["bad_pool_size"], "DATABASE_POOL_SIZE")


def test_migrate_creates_the_default_data_folder(runs: dict[str, Run]) -> None:
    run = runs["migrate_default"]
    assert run.returncode == 0, run.stderr
    assert (run.cwd / "data" / "bot.db").exists()


def test_chat_runs_in_the_terminal_without_a_token(runs: dict[str, Run]) -> None:
    run = runs["chat"]
    assert run.returncode == 0, run.stderr
    assert "Who do you owe?" in run.stdout
    assert "How much do you owe the IRS in total?" in run.stdout

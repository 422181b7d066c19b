"""`python -m bot` — what `make run` starts — as a real process against the fake Bot API server.

The e2e suite drives the same app in-process; this is the one check that the command a
newcomer types starts polling with a valid token, registers its menu, answers a person
over real HTTP, and stops cleanly on SIGTERM (systemd's and Ctrl-C's way of asking).
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import sys
from pathlib import Path

import pytest

from tests.fakes.telegram import FakeTelegram


async def test_python_m_bot_polls_answers_and_stops_on_sigterm(
    fake_telegram: FakeTelegram, sqlite_template: Path, tmp_path: Path
) -> None:
    if sys.platform == "win32":  # pragma: no cover - SIGTERM semantics differ
        pytest.skip("POSIX signals only")
    db = tmp_path / "bot.db"
    shutil.copyfile(sqlite_template, db)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "DATABASE_", "TEST_"))}
    env |= {
        "BOT_TOKEN": fake_telegram.token,
        "BOT_API_URL": fake_telegram.base_url,
        "DATABASE_URL": f"sqlite+aiosqlite:///{db}",
        "FIRM_NAME": "Acme <Tax> & Co",
    }
    # cwd=tmp_path: no developer .env can leak into the run.
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", cwd=tmp_path, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        ann = fake_telegram.user(first_name="Ann")
        await ann.send("/start")
        # Importing aiogram takes seconds on a loaded machine, hence the generous wait.
        greeting, question = await ann.wait_messages(2, timeout=60)
        assert "not tax advice" in greeting.text
        assert "Acme <Tax> & Co" in greeting.text or "Who do you owe" in question.text
        assert "The IRS (federal)" in question.buttons
        assert fake_telegram.calls("setMyCommands"), "the command menu is registered on start"

        await ann.press("The IRS (federal)")
        (next_question,) = await ann.wait_messages(1, timeout=10)
        assert "How much do you owe" in next_question.text
    finally:
        if proc.returncode is None:
            proc.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(proc.communicate(), 30)
    assert proc.returncode == 0, stderr.decode()
    assert "Traceback" not in stderr.decode()
    assert fake_telegram.token.split(":")[1] not in stderr.decode(), "the token must never be logged"

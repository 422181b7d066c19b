"""Two webhook worker processes on one PostgreSQL database, with one chat's updates split across them.

The test plays the load balancer: each update goes to the worker after the one that took the previous
update, so every step of a conversation runs in a different process from the step before, and many
conversations run at once. Per-chat order must then come from the database (the chat lock in
bot/db/locks.py), because neither process has seen the whole conversation.

What it proves:
* every update is answered exactly once (processed_updates has one row per update, no reply twice);
* each chat gets its replies in order, identical to a conversation run one step at a time;
* two updates of one chat arriving at both workers at the same instant are not interleaved: the
  replies of one come out entirely before the replies of the other;
* an update redelivered to the other worker is acknowledged and skipped.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import socket
import sys
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from sqlalchemy import func, select

from bot.db.engine import create_engine
from bot.db.migrate import upgrade
from bot.db.models import ProcessedUpdate
from tests.dbs import PostgresServer
from tests.fakes.telegram import FakeTelegram, FakeUser

REPO = Path(__file__).resolve().parents[2]
SECRET = "workers-test-secret"
PEOPLE = 10
# /start, then answers: federal (button), the balance (typed), personal, filed: yes, letter: none, no dispute.
SCRIPT: list[tuple[str, str]] = [
    ("text", "/start"),
    ("button", "federal"),
    ("text", "42000"),
    ("button", "personal"),
    ("button", "yes"),
    ("button", "none"),
    ("button", "no"),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
async def fresh_database(postgres_server: PostgresServer) -> AsyncIterator[str]:
    name = f"bot_workers_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    url = await postgres_server.create_database(name)
    try:
        await asyncio.to_thread(upgrade, url)
        yield url
    finally:
        await postgres_server.drop_database(name)


class Balancer:
    """Round-robin over the workers, posting like Telegram: JSON body, secret header, wait for the answer."""

    def __init__(self, urls: list[str]) -> None:
        self.urls = urls
        self._next = itertools.cycle(range(len(urls)))
        self.http = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30))

    async def post(self, update: dict[str, Any], worker: int | None = None) -> int:
        url = self.urls[next(self._next) if worker is None else worker]
        headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
        async with self.http.post(url, json=update, headers=headers) as resp:
            return resp.status


@pytest.fixture
async def workers(
    fake_telegram: FakeTelegram, fresh_database: str, tmp_path: Path
) -> AsyncIterator[Balancer]:
    ports = [free_port(), free_port()]
    procs: list[asyncio.subprocess.Process] = []
    for port in ports:
        env = {
            "PATH": os.environ.get("PATH", ""),
            "PYTHONPATH": str(REPO),
            "BOT_TOKEN": fake_telegram.token,
            "BOT_API_URL": fake_telegram.base_url,
            "DATABASE_URL": fresh_database,
            "WEBHOOK_HOST": "127.0.0.1",
            "WEBHOOK_PORT": str(port),
            "WEBHOOK_SECRET": SECRET,
            "LOG_LEVEL": "WARNING",
        }
        # cwd=tmp_path: a developer's .env in the repo must not leak into the workers.
        procs.append(
            await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "bot",
                "webhook",
                "--no-register",
                cwd=tmp_path,
                env=env,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.STDOUT,
            )
        )
    balancer = Balancer([f"http://127.0.0.1:{port}/telegram/webhook" for port in ports])
    try:
        # Generous: importing aiogram's types takes seconds on a loaded 2-core CI machine.
        async with asyncio.timeout(90):
            for port, proc in zip(ports, procs, strict=True):
                while True:
                    if proc.returncode is not None:
                        output = await proc.stdout.read() if proc.stdout else b""
                        raise AssertionError(f"worker on {port} exited:\n{output.decode()}")
                    try:
                        async with balancer.http.get(f"http://127.0.0.1:{port}/healthz") as resp:
                            if resp.status == 200:
                                break
                    except aiohttp.ClientConnectionError:
                        pass
                    await asyncio.sleep(0.1)
        yield balancer
    finally:
        await balancer.http.close()
        for proc in procs:
            proc.terminate()  # SIGTERM: the graceful path a deploy takes
        for port, proc in zip(ports, procs, strict=True):
            output, _ = await asyncio.wait_for(proc.communicate(), 20)
            log_text = output.decode()
            assert proc.returncode == 0, f"worker on {port} did not stop cleanly:\n{log_text}"
            assert "Traceback" not in log_text, log_text


def last_update(tg: FakeTelegram) -> dict[str, Any]:
    return tg.updates[-1]


async def make_update(tg: FakeTelegram, person: FakeUser, kind: str, value: str) -> dict[str, Any]:
    """Create the update as the person would (so the fake knows the callback query), not delivered."""
    if kind == "text":
        await person.send(value)
    else:
        latest = person.messages[-1]
        data = next(d for d in latest.button_data.values() if d.endswith(f"|{value}"))
        await person.press(data, latest)
    return last_update(tg)


async def converse(tg: FakeTelegram, balancer: Balancer, person: FakeUser) -> list[int]:
    ids = []
    for kind, value in SCRIPT:
        update = await make_update(tg, person, kind, value)
        assert await balancer.post(update) == 200
        ids.append(update["update_id"])
    return ids


def texts(person: FakeUser) -> list[str]:
    return [m.text for m in person.messages]


async def test_two_workers_one_database(
    fake_telegram: FakeTelegram, workers: Balancer, fresh_database: str
) -> None:
    tg = fake_telegram
    # A reference conversation, one step at a time, still alternating workers.
    reference = tg.user(first_name="Ref")
    ids = await converse(tg, workers, reference)
    expected = texts(reference)
    assert len(expected) >= len(SCRIPT) + 1, expected  # greeting + a question per step at least
    assert all("went wrong" not in t for t in expected), expected

    # Many conversations at once, each step on the other worker than the previous one.
    people = [tg.user(first_name=f"P{i}") for i in range(PEOPLE)]
    for batch in await asyncio.gather(*(converse(tg, workers, p) for p in people)):
        ids += batch
    for person in people:
        # The greeting is an A/B variant per person; everything after it must match the reference.
        assert texts(person)[1:] == expected[1:], f"chat {person.id} differs from the reference"

    # A double tap: the same chat's two /help updates hit both workers at the same instant.
    doubles = []
    for person in people:
        first = await make_update(tg, person, "text", "/help")
        second = await make_update(tg, person, "text", "/help")
        doubles.append((person, first, second))
    statuses = await asyncio.gather(
        *(workers.post(u, worker=i) for _, a, b in doubles for i, u in enumerate((a, b)))
    )
    assert set(statuses) == {200}
    for person, first, second in doubles:
        ids += [first["update_id"], second["update_id"]]
        help_text, prompt = texts(person)[-4:-2]
        assert texts(person)[-4:] == [help_text, prompt, help_text, prompt], "replies interleaved"
        assert help_text != prompt

    # Telegram redelivers some updates (e.g. after a timeout) to whichever worker: skipped, 200.
    before = {p.id: len(p.messages) for p in people}
    redelivered = [u for _, u, _ in doubles[:4]]
    assert {await workers.post(u) for u in redelivered} == {200}
    assert {p.id: len(p.messages) for p in people} == before

    engine = create_engine(fresh_database)
    try:
        async with engine.connect() as conn:
            stored = (await conn.execute(select(func.count()).select_from(ProcessedUpdate))).scalar_one()
    finally:
        await engine.dispose()
    assert stored == len(ids) == len(set(ids))

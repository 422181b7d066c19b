"""The benchmark's own arithmetic: what it reads from /proc and how it reports rounds (no timing here)."""

from __future__ import annotations

import asyncio
import gc
import os
import sys
import weakref

from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.methods import GetMyShortDescription
from aiogram.methods.base import Response

from bench.__main__ import (
    CpuWatch,
    Result,
    cpu_seconds_by_name,
    cpu_used_since,
    report,
    runqueue_wait_seconds,
)
from bot.telegram.session import KeepsResponseModels


def test_runqueue_wait_is_read_for_a_live_process_and_zero_for_a_gone_one() -> None:
    assert runqueue_wait_seconds(os.getpid()) >= 0.0
    assert runqueue_wait_seconds(2**22 + 12345) == 0.0  # above pid_max's default: no such process


def result(name: str, kind: str, per_s: float, p99: float, wait: float) -> Result:
    return Result(name, kind, "webhook", "sqlite" if kind == "bot" else "-", updates_per_s=per_s,
                  p99_ms=p99, cpu_wait_pct=wait, cpu_ms_per_update=1.0)  # fmt: skip


def test_each_round_is_reported_against_its_own_echo_with_p99_and_cpu_wait() -> None:
    rounds = [
        [result("echo webhook -", "echo", 800, 4, 2), result("bot webhook sqlite", "bot", 400, 20, 5)],
        [result("echo webhook -", "echo", 600, 6, 3), result("bot webhook sqlite", "bot", 360, 90, 40)],
        [result("echo webhook -", "echo", 1000, 5, 1), result("bot webhook sqlite", "bot", 450, 25, 6)],
    ]
    text = report(rounds)
    assert "median of 3 interleaved rounds" in text
    assert "bot webhook sqlite           0.50, 0.60, 0.45" in text  # each against its own round's echo
    assert "bot webhook sqlite           20.0 (5%), 90.0 (40%), 25.0 (6%)" in text
    bot_line = next(line for line in text.splitlines() if line.startswith("bot webhook sqlite  "))
    assert "( 0.50x)" in bot_line  # the median of the per-round ratios, not of the raw figures
    assert "25.0 @" in bot_line and "6.0%" in bot_line  # medians of p99 and of the CPU wait


async def test_cpu_watch_counts_a_process_that_exits_inside_the_block() -> None:
    """How the bench charges the PostgreSQL server's CPU (processes named postgres) to the bot's updates.

    The bot's pool closes its busiest backends as the load drops, so a process that worked and then
    exited inside the measured block must still count: a before/after snapshot would read ~0.
    """
    spin = (
        "import time\nopen('/proc/self/comm', 'w').write('benchspinner')\ntime.sleep(0.3)\n"
        "end = time.monotonic() + 0.6\nwhile time.monotonic() < end: pass"
    )
    async with CpuWatch("benchspinner", interval=0.1) as watch:
        child = await asyncio.create_subprocess_exec(sys.executable, "-c", spin)
        await child.wait()
        assert cpu_seconds_by_name("benchspinner") == {}  # gone before the block ends
    assert watch.used > 0  # how much depends on the machine; that it counts at all is the point
    # A process that started inside counts in full; one that is gone is missed, not subtracted.
    assert cpu_used_since({1: 5.0, 2: 1.0}, {2: 1.5, 3: 0.25}) == 0.75


def test_the_database_servers_cpu_is_reported_beside_the_bots() -> None:
    bot = Result("bot webhook postgres", "bot", "webhook", "postgres", updates_per_s=400,
                 cpu_ms_per_update=2.0, db_cpu_ms_per_update=1.5)  # fmt: skip
    echo = Result("echo webhook -", "echo", "webhook", "-", updates_per_s=800, cpu_ms_per_update=1.0)
    text = report([[echo, bot]])
    assert "bot webhook postgres          1.50 (bot 2.00, together 3.50)" in text


def test_the_bot_is_also_reported_against_the_echo_bot_with_aiograms_fix() -> None:
    """The main ratios stay against the issue's bare echo bot; echofix's are reported beside them."""

    def run(kind: str, per_s: float, cpu: float) -> Result:
        name = {"echo": "echo webhook -", "echofix": "echofix webhook -", "bot": "bot webhook sqlite"}[kind]
        return Result(name, kind, "webhook", "sqlite" if kind == "bot" else "-", updates_per_s=per_s,
                      cpu_ms_per_update=cpu)  # fmt: skip

    rounds = [
        [run("echo", 800, 1.2), run("echofix", 1000, 1.0), run("bot", 400, 2.0)],
        [run("echo", 600, 1.5), run("echofix", 1000, 1.0), run("bot", 300, 2.5)],
    ]
    lines = report(rounds).splitlines()
    bot = next(line for line in lines if line.startswith("bot webhook sqlite  "))
    assert "( 0.50x)" in bot  # against the bare echo bot: 400/800 and 300/600
    fixed = next(line for line in lines if line.startswith("  bot webhook sqlite") and "updates/s" in line)
    assert "updates/s 0.35x (0.40, 0.30)" in fixed and "CPU ms per update 2.25x" in fixed


def test_echofix_keeps_the_response_models_aiogram_would_lose_to_each_collection() -> None:
    """What echofix changes in the echo bot: pydantic keeps parametrised models weakly, so after a
    collection the bare session's Response[T] is gone (and rebuilt on the next call); kept, it stays."""
    bot = Bot("42:TEST")
    # A method nothing else in the tests calls, so no other session already holds its model.
    sent = '{"ok":true,"result":{"short_description":"x"}}'

    def model_survives(session: AiohttpSession) -> bool:
        method = GetMyShortDescription()
        session.check_response(bot, method, 200, sent)
        model = weakref.ref(Response[method.__returning__])  # type: ignore[name-defined]
        gc.collect()
        return model() is not None

    assert not model_survives(AiohttpSession())  # the bare echo bot: gone after a collection
    assert model_survives(KeepsResponseModels())
